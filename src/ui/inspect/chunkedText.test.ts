import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedText } from './chunkedText';

const chunksOf = fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 10 });

describe('ChunkedText', () => {
  it('reads like the joined string: length, characters, slices and line breaks', () => {
    fc.assert(
      fc.property(
        chunksOf.map((chunks) =>
          chunks.map((chunk, index) => (index % 3 === 1 ? `${chunk}\n` : chunk)),
        ),
        fc.nat(),
        fc.nat(),
        (chunks, a, b) => {
          const joined = chunks.join('');
          const text = new ChunkedText(chunks);
          const span = joined.length + 2;
          const [start = 0, end = 0] = [(a % span) - 1, (b % span) - 1].sort((x, y) => x - y);
          expect(text.length).toBe(joined.length);
          expect(text.toString()).toBe(joined);
          // Out-of-range starts clamp to 0 (a string's negative start counts from its end).
          expect(text.slice(start, end)).toBe(joined.slice(Math.max(0, start), Math.max(0, end)));
          expect(text.charCodeAt(start)).toEqual(joined.charCodeAt(start));
          expect(text.indexOf('\n', start)).toBe(joined.indexOf('\n', start));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('reads every character in order and then backwards, as rows are read', () => {
    const chunks = ['ab', '', 'cde', 'f', 'ghij'];
    const text = new ChunkedText(chunks);
    const joined = chunks.join('');
    const forwards = Array.from({ length: joined.length }, (_, index) => text.charCodeAt(index));
    const backwards = Array.from({ length: joined.length }, (_, index) =>
      text.charCodeAt(joined.length - 1 - index),
    );
    expect(String.fromCharCode(...forwards)).toBe(joined);
    expect(String.fromCharCode(...backwards.reverse())).toBe(joined);
  });

  it('says what it can search for', () => {
    expect(() => new ChunkedText(['a']).indexOf('ab', 0)).toThrow(/one character/);
  });
});
