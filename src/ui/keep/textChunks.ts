/**
 * The text of `parts` in pieces of at most `size` characters, in order, never cut between the
 * two halves of a surrogate pair (each half alone would be written as U+FFFD).
 */
export function* textChunks(parts: readonly string[], size: number): Generator<string> {
  for (const part of parts) {
    let start = 0;
    while (start < part.length) {
      let end = Math.min(part.length, start + size);
      if (end < part.length && end - start > 1 && isHighSurrogate(part.charCodeAt(end - 1))) {
        end -= 1;
      }
      yield part.slice(start, end);
      start = end;
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
