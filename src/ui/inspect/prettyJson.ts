/** Characters of a long string written per piece: big enough to be cheap, small enough to slice. */
const STRING_SLICE = 64 * 1024;

/**
 * `JSON.stringify(value, null, 2)` of plain JSON data, produced a piece at a time, so that a
 * caller can stop early (a preview) or spread a 10 MB document over many short tasks. Pieces
 * are small; a long string comes in slices that never split a surrogate pair.
 */
export function* prettyJsonPieces(value: unknown, indent = ''): Generator<string, void, undefined> {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') {
      yield* stringPieces(value);
    } else {
      yield isWritten(value) ? JSON.stringify(value) : 'null';
    }
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let index = 0; index < value.length; index++) {
      yield index === 0 ? `\n${inner}` : `,\n${inner}`;
      const item: unknown = value[index];
      yield* prettyJsonPieces(isWritten(item) ? item : null, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (!isWritten(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* prettyJsonPieces(item, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** What `JSON.stringify` leaves out of objects (and writes as `null` in arrays). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function* stringPieces(text: string): Generator<string, void, undefined> {
  if (text.length <= STRING_SLICE) {
    yield JSON.stringify(text);
    return;
  }
  yield '"';
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + STRING_SLICE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield JSON.stringify(text.slice(start, end)).slice(1, -1);
    start = end;
  }
  yield '"';
}

/** The first `limit` characters or more of the pretty JSON of `value`, and whether that is all. */
export function prettyJsonPreview(
  value: unknown,
  limit: number,
): { text: string; complete: boolean } {
  let text = '';
  for (const piece of prettyJsonPieces(value)) {
    if (text.length >= limit) return { text, complete: false };
    text += piece;
  }
  return { text, complete: true };
}
