import type { TextSource } from './chunkedText.ts';

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
export function splitIntoRows(text: TextSource, width = ROW_WIDTH): TextRow[] {
  const splitter = createRowSplitter(text, width);
  while (!splitter.step(Number.POSITIVE_INFINITY));
  return Array.from({ length: splitter.count }, (_, index) => splitter.row(index)).filter(
    (row) => row !== undefined,
  );
}

/** `splitIntoRows` a bounded step at a time, so a huge text never holds the page for long. */
export interface RowSplitter {
  /** How many rows are cut so far. */
  readonly count: number;
  /** Row `index`, once it is cut. */
  row: (index: number) => TextRow | undefined;
  /** Cuts at most `maxRows` more rows; `true` once the whole text is cut. */
  step: (maxRows: number) => boolean;
}

/** Rows a splitter has room for before it first grows. */
const INITIAL_ROWS = 1_024;

export function createRowSplitter(text: TextSource, width = ROW_WIDTH): RowSplitter {
  // Where rows start and end, in two growing typed arrays: a 10 MB text has hundreds of
  // thousands of rows, and as objects they kept the garbage collector busy while the page
  // was being scrolled.
  let starts = new Uint32Array(INITIAL_ROWS);
  let ends = new Uint32Array(INITIAL_ROWS);
  let count = 0;
  const push = (start: number, end: number): void => {
    if (count === starts.length) {
      const grownStarts = new Uint32Array(count * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Uint32Array(count * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    starts[count] = start;
    ends[count] = end;
    count += 1;
  };
  let lineEnd = lineEndFrom(text, 0);
  let start = 0;
  let done = false;
  const step = (maxRows: number): boolean => {
    for (let made = 0; !done && made < maxRows; made++) {
      let end = Math.min(start + width, lineEnd);
      if (end < lineEnd && end - 1 > start && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      push(start, end);
      start = end;
      if (start < lineEnd) continue;
      if (lineEnd === text.length) {
        done = true;
      } else {
        start = lineEnd + 1;
        lineEnd = lineEndFrom(text, start);
      }
    }
    return done;
  };
  return {
    get count() {
      return count;
    },
    row: (index) =>
      index >= 0 && index < count
        ? { start: starts[index] ?? 0, end: ends[index] ?? 0 }
        : undefined,
    step,
  };
}

function lineEndFrom(text: TextSource, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

/** The start of `text`, at most `limit` characters, and how many were left out. */
export function clipText(text: TextSource, limit: number): { shown: string; hidden: number } {
  if (text.length <= limit) return { shown: text.slice(0, text.length), hidden: 0 };
  let end = limit;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { shown: text.slice(0, end), hidden: text.length - end };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
