import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedList } from './keyedList.ts';

describe('a list kept by key, changed in blocks', () => {
  it('reads as a sorted array changed the same way, and earlier lists stay as they were', () => {
    const change = fc.record({
      removed: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }),
      added: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(change, { maxLength: 12 }),
        (size, changes) => {
          let list = keyedList<string>([], size);
          let model = new Map<number, string>();
          for (const { removed, added } of changes) {
            const before = list;
            const beforeValues = [...model.entries()].sort((a, b) => a[0] - b[0]);
            const next = new Map(model);
            for (const key of removed) next.delete(key);
            const fresh = [...new Set(added)].filter((key) => !next.has(key));
            for (const key of fresh) next.set(key, `v${String(key)}`);
            list = list.with(
              removed.filter((key) => model.has(key)),
              fresh.map((key) => [key, `v${String(key)}`] as const),
            );
            model = next;
            const sorted = [...model.entries()].sort((a, b) => a[0] - b[0]);
            expect(list.values()).toEqual(sorted.map(([, value]) => value));
            expect(list.length).toBe(sorted.length);
            for (const [index, [key, value]] of sorted.entries()) {
              expect(list.at(index)).toBe(value);
              expect(list.indexOfKey(key)).toBe(index);
            }
            expect(list.at(sorted.length)).toBeUndefined();
            expect(list.indexOfKey(61)).toBe(-1);
            expect(before.values()).toEqual(beforeValues.map(([, value]) => value));
          }
        },
      ),
    );
  });

  it('is the same list when nothing changed', () => {
    const list = keyedList([[1, 'a']]);
    expect(list.with([], [])).toBe(list);
  });
});
