/** One row of text as the inspector draws it: `text.slice(start, end)`, never wrapped. */
export interface TextRow {
  start: number;
  end: number;
}

/** Characters a row holds at most: longer lines, and unbroken words, continue on the next. */
export const ROW_WIDTH = 120;

/**
 * Cuts `text` into rows at its line breaks and every `width` characters within a line, so
 * that any text, a 10 MB word included, becomes rows of bounded length that can be drawn a
 * few at a time. A UTF-16 surrogate pair is never split.
 */
export function splitIntoRows(text: string, width = ROW_WIDTH): TextRow[] {
  const rows: TextRow[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let start = lineStart;
    do {
      let end = Math.min(start + width, lineEnd);
      if (end < lineEnd && end - 1 > start && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      rows.push({ start, end });
      start = end;
    } while (start < lineEnd);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return rows;
}

/** The start of `text`, at most `limit` characters, and how many were left out. */
export function clipText(text: string, limit: number): { shown: string; hidden: number } {
  if (text.length <= limit) return { shown: text, hidden: 0 };
  let end = limit;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { shown: text.slice(0, end), hidden: text.length - end };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
