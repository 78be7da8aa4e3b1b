import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyPlainJson, NOT_PLAIN } from './copyPlainJson.ts';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Deep equality that tells -0 from 0, as `toStrictEqual` does. */
function sameValue(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(b);
    return true;
  } catch {
    return false;
  }
}

describe('copyPlainJson', () => {
  it('copies any JSON value exactly as a JSON round trip would', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyPlainJson(value);
        if (copy !== NOT_PLAIN) {
          expect(copy).toStrictEqual(roundTrip(value));
          return;
        }
        // Declined only where the round trip changes something (-0 becomes 0) or for a
        // `__proto__` key, which a copy made by assignment would turn into a prototype.
        const changes = !sameValue(roundTrip(value), value);
        expect(changes || JSON.stringify(value).includes('"__proto__"')).toBe(true);
      }),
    );
  });

  it('for anything at all, either agrees with the round trip or declines', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        const copy = copyPlainJson(value);
        if (copy !== NOT_PLAIN) expect(copy).toStrictEqual(roundTrip(value));
      }),
    );
  });

  it('returns a copy, never the value itself', () => {
    const value = { a: [1, { b: 'c' }] };
    const copy = copyPlainJson(value) as typeof value;
    expect(copy).toStrictEqual(value);
    expect(copy).not.toBe(value);
    expect(copy.a).not.toBe(value.a);
  });

  it('leaves out undefined entries of objects, as JSON.stringify does', () => {
    expect(copyPlainJson({ a: undefined, b: 1 })).toStrictEqual({ b: 1 });
  });

  it('copies an object without a prototype into a plain one', () => {
    const value = Object.assign(Object.create(null) as object, { a: 1 });
    expect(copyPlainJson(value)).toStrictEqual({ a: 1 });
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', [Infinity]],
    ['-0', { a: -0 }],
    ['a Date', { at: new Date(0) }],
    ['a toJSON', { toJSON: () => 1 }],
    ['a Map', new Map([[1, 2]])],
    [
      'a class instance',
      new (class Point {
        readonly x = 1;
      })(),
    ],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    ['a hole', [1, , 3]],
    ['an undefined item', [undefined]],
    ['a function', { f: () => 1 }],
    ['a bigint', 1n],
    ['a __proto__ key', JSON.parse('{"__proto__": {"a": 1}}') as unknown],
  ])('declines %s, for the round trip to decide', (_name, value) => {
    expect(copyPlainJson(value)).toBe(NOT_PLAIN);
  });

  it('declines a cycle at once, however wide the object', () => {
    const wide: Record<string, unknown> = {};
    for (let key = 0; key < 50; key++) wide[String(key)] = wide;
    expect(copyPlainJson(wide)).toBe(NOT_PLAIN);
  });

  it('declines nesting deeper than 64 levels', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100; level++) deep = [deep];
    expect(copyPlainJson(deep)).toBe(NOT_PLAIN);
  });
});
