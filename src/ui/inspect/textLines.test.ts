import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedText } from './chunkedText';
import { clipText, createRowSplitter, splitIntoRows } from './textLines';

const anyText = fc.string({ unit: 'binary', maxLength: 600 });
const someNewlines = fc
  .array(fc.oneof(fc.constant('\n'), fc.string({ unit: 'grapheme', maxLength: 50 })))
  .map((parts) => parts.join(''));

describe('splitIntoRows', () => {
  it('rows joined back with their line breaks give the text back, each row bounded', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, someNewlines),
        fc.integer({ min: 2, max: 130 }),
        (text, width) => {
          const rows = splitIntoRows(text, width);
          let rebuilt = '';
          let previousEnd = 0;
          for (const row of rows) {
            expect(row.end - row.start).toBeLessThanOrEqual(width);
            expect(row.start).toBeGreaterThanOrEqual(previousEnd);
            rebuilt += text.slice(previousEnd, row.start) + text.slice(row.start, row.end);
            previousEnd = row.end;
          }
          expect(rebuilt + text.slice(previousEnd)).toBe(text);
          expect(rows.every((row) => !text.slice(row.start, row.end).includes('\n'))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never splits a surrogate pair', () => {
    const rows = splitIntoRows('a😀😀😀', 2);
    expect(rows.map((row) => 'a😀😀😀'.slice(row.start, row.end))).toEqual(['a', '😀', '😀', '😀']);
  });

  it('cuts 10 MB of one unbroken word into bounded rows', () => {
    const word = 'x'.repeat(10 * 1024 * 1024);
    const rows = splitIntoRows(word);
    expect(rows).toHaveLength(Math.ceil(word.length / 120));
    expect(rows.at(-1)?.end).toBe(word.length);
  });

  it('cut a few rows at a time, gives the same rows as in one go', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, someNewlines), fc.integer({ min: 1, max: 7 }), (text, step) => {
        const splitter = createRowSplitter(text, 5);
        let steps = 0;
        while (!splitter.step(step)) steps += 1;
        const rows = Array.from({ length: splitter.count }, (_, index) => splitter.row(index));
        expect(rows).toEqual(splitIntoRows(text, 5));
        expect(steps).toBeLessThanOrEqual(Math.ceil(splitter.count / step));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a text kept in chunks into the same rows as the joined string', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyText, someNewlines), { maxLength: 8 }),
        fc.integer({ min: 2, max: 130 }),
        (chunks, width) => {
          expect(splitIntoRows(new ChunkedText(chunks), width)).toEqual(
            splitIntoRows(chunks.join(''), width),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps empty lines as empty rows', () => {
    expect(splitIntoRows('a\n\nb')).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 2 },
      { start: 3, end: 4 },
    ]);
  });
});

describe('clipText', () => {
  it('shows at most the limit and counts the rest', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 700 }), (text, limit) => {
        const { shown, hidden } = clipText(text, limit);
        expect(shown.length).toBeLessThanOrEqual(limit);
        expect(shown.length + hidden).toBe(text.length);
        expect(text.startsWith(shown)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('clips a text kept in chunks as it clips the joined string', () => {
    fc.assert(
      fc.property(
        fc.array(anyText, { maxLength: 8 }),
        fc.integer({ min: 1, max: 700 }),
        (chunks, limit) => {
          expect(clipText(new ChunkedText(chunks), limit)).toEqual(
            clipText(chunks.join(''), limit),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
