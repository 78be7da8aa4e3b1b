import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJsonPieces, prettyJsonPreview } from './prettyJson';
import { prettyJsonJob } from './prettyJsonJob';

const join = (value: unknown): string => [...prettyJsonPieces(value)].join('');

describe('prettyJsonPieces', () => {
  it('joined, equals JSON.stringify(value, null, 2) for any JSON data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(join(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('writes long strings with lone surrogates and escapes exactly as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), (unit) => {
        // Longer than one slice, so slices meet inside escapes and surrogate pairs.
        const value = { message: unit.repeat(Math.ceil(70_000 / unit.length)) };
        expect(join(value) === JSON.stringify(value, null, 2)).toBe(true);
      }),
      { numRuns: 15 },
    );
  }, 30_000);

  it('leaves out undefined members and writes undefined items as null, like JSON.stringify', () => {
    const value = { a: undefined, b: [undefined, 1], c: () => 1 };
    expect(join(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('gives a 10 MB string in pieces of bounded size', () => {
    const pieces = [...prettyJsonPieces({ message: 'x'.repeat(10 * 1024 * 1024) })];
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(64 * 1024 + 2);
  });
});

describe('prettyJsonPreview', () => {
  it('stops soon after the limit on a huge value and says it is not complete', () => {
    const wide = { exceptions: Array.from({ length: 150_000 }, (_, index) => ({ n: index })) };
    const { text, complete } = prettyJsonPreview(wide, 2_000);
    expect(complete).toBe(false);
    expect(text.length).toBeLessThan(2_100);
    expect(JSON.stringify(wide, null, 2).startsWith(text)).toBe(true);
  });

  it('gives the whole text of a small value', () => {
    expect(prettyJsonPreview({ a: 1 }, 2_000)).toEqual({ text: '{\n  "a": 1\n}', complete: true });
  });
});

describe('prettyJsonJob', () => {
  it('run step by step to the end, writes JSON.stringify(value, null, 2) for any JSON data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const job = prettyJsonJob(value);
        while (!job.step());
        expect(job.result().toString()).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('writes 10 MB of records in many steps, each a bounded number of pieces', () => {
    const value = Array.from({ length: 100_000 }, (_, index) => ({ index, text: 'p'.repeat(90) }));
    const job = prettyJsonJob(value);
    let steps = 1;
    while (!job.step()) steps += 1;
    expect(steps).toBeGreaterThan(1_000);
    expect(job.result().toString()).toBe(JSON.stringify(value, null, 2));
  });
});
