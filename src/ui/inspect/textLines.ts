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
  const splitter = createRowSplitter(text, width);
  while (!splitter.step(Number.POSITIVE_INFINITY));
  return splitter.rows;
}

/** `splitIntoRows` a bounded step at a time, so a huge text never holds the page for long. */
export interface RowSplitter {
  /** The rows cut so far; the array grows with each step. */
  readonly rows: TextRow[];
  /** Cuts at most `maxRows` more rows; `true` once the whole text is cut. */
  step: (maxRows: number) => boolean;
}

export function createRowSplitter(text: string, width = ROW_WIDTH): RowSplitter {
  const rows: TextRow[] = [];
  let lineStart = 0;
  let lineEnd = lineEndFrom(text, 0);
  let start = 0;
  let done = false;
  const step = (maxRows: number): boolean => {
    for (let made = 0; !done && made < maxRows; made++) {
      let end = Math.min(start + width, lineEnd);
      if (end < lineEnd && end - 1 > start && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      rows.push({ start, end });
      start = end;
      if (start < lineEnd) continue;
      if (lineEnd === text.length) {
        done = true;
      } else {
        lineStart = lineEnd + 1;
        lineEnd = lineEndFrom(text, lineStart);
        start = lineStart;
      }
    }
    return done;
  };
  return { rows, step };
}

function lineEndFrom(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
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
