import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toWellFormed, toWellFormedJson } from './wellFormedText';

describe('toWellFormed', () => {
  it('replaces lone high and low surrogates and keeps pairs', () => {
    expect(toWellFormed('a\uD800b\uDC80c😀')).toBe('a\uFFFDb\uFFFDc😀');
    expect(toWellFormed('\uDC80\uD800')).toBe('\uFFFD\uFFFD');
  });

  it('always gives text that UTF-8 encodes without loss, and changes well-formed text not at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        const fixed = toWellFormed(text);
        expect(new TextDecoder().decode(new TextEncoder().encode(fixed))).toBe(fixed);
        expect(fixed.length).toBe(text.length);
        expect(toWellFormed(fixed)).toBe(fixed);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('reaches every string of JSON data, keys included', () => {
    expect(toWellFormedJson({ '\uD800': ['\uDC80', 1, null, { k: '\uD800' }] })).toEqual({
      '\uFFFD': ['\uFFFD', 1, null, { k: '\uFFFD' }],
    });
  });
});
