import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, describeNotUtf8, firstNonUtf8Byte } from './decodeUtf8';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  test('UTF-8 text comes back as written, a byte order mark dropped', () => {
    expect(decodeUtf8(bytesOf('{"id":"café ✔ 𝄞"}'))).toBe('{"id":"café ✔ 𝄞"}');
    expect(decodeUtf8(bytesOf('\uFEFF[]'))).toBe('[]');
  });

  test.each([
    ['a lone continuation byte', [0x61, 0x80]],
    ['a Latin-1 é', [0x61, 0xe9, 0x62]],
    ['an overlong slash', [0x61, 0xc0, 0xaf]],
    ['an overlong three-byte form', [0x61, 0xe0, 0x80, 0x80]],
    ['a surrogate', [0x61, 0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0x61, 0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut short at the end', [0x61, 0xe2, 0x9c]],
  ])('%s is found at its offset', (_name, bytes) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toEqual({ byte: 1, line: 1 });
  });

  test('the line counts the newlines before the bad byte', () => {
    const bytes = Uint8Array.from([...bytesOf('[\n{"a":1},\n{"b":"'), 0xff, ...bytesOf('"}]')]);
    expect(decodeUtf8(bytes)).toEqual({ byte: 17, line: 3 });
    expect(describeNotUtf8({ byte: 12_345, line: 3 })).toBe(
      'is not UTF-8 text: the byte at offset 12,345 (line 3) is not part of any UTF-8 character',
    );
  });

  test('the walk finds where the platform decoder stops, on any bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const decodes = (bytes: Uint8Array): boolean => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.uint8Array({ maxLength: 24 }),
        (text, noise) => {
          const bytes = Uint8Array.from([...bytesOf(text), ...noise]);
          // Every prefix up to the first bad byte decodes, and none longer does.
          let longest = bytes.length;
          while (!decodes(bytes.subarray(0, longest))) longest -= 1;
          expect(firstNonUtf8Byte(bytes)).toBe(longest);
        },
      ),
    );
  });
});
