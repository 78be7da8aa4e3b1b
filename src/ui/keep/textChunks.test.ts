import fc from 'fast-check';
import { expect, test } from 'vitest';
import { textChunks } from './textChunks.ts';

test('pieces are at most the size, in order, and give back the text', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'binary' })),
      fc.integer({ min: 2, max: 9 }),
      (parts, size) => {
        const chunks = [...textChunks(parts, size)];
        expect(chunks.join('')).toBe(parts.join(''));
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(size);
        }
      },
    ),
  );
});

test('a surrogate pair is never cut in two', () => {
  const text = `ab${'😀'.repeat(5)}`;
  const chunks = [...textChunks([text], 3)];
  expect(chunks.join('')).toBe(text);
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  for (const chunk of chunks) expect(chunk).not.toMatch(loneSurrogate);
});
