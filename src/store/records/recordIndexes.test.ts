import fc from 'fast-check';
import { expect, test } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import type { EventRecord } from '../eventRecord';
import { createRecordIndexes } from './recordIndexes';

/** Adds and drops of records whose ids and chains come from small sets, so chains grow and shrink. */
const operations = fc.array(
  fc.record({
    add: fc.boolean(),
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    chainId: fc.constantFrom('a', 'x', 'y'),
  }),
  { maxLength: 60 },
);

test('chain members, sizes and the multi-attempt count follow every add and drop', () => {
  fc.assert(
    fc.property(operations, (steps) => {
      const indexes = createRecordIndexes();
      // The model: what the history holds, as the records cache would hand it over.
      const held = new Map<string, EventRecord>();
      for (const { add, id, chainId } of steps) {
        const before = held.get(id);
        if (before !== undefined) {
          indexes.drop(before);
          held.delete(id);
        }
        if (add) {
          const record = makeRecord({ id, chainId });
          indexes.add(record);
          held.set(id, record);
        }
      }
      const chains = new Map<string, string[]>();
      for (const record of held.values()) {
        chains.set(record.chainId, [...(chains.get(record.chainId) ?? []), record.id]);
      }
      for (const chainId of ['a', 'x', 'y']) {
        const members = chains.get(chainId) ?? [];
        expect(indexes.chainSize(chainId)).toBe(members.length);
        expect([...indexes.chainMembers(chainId)].sort()).toEqual(members.sort());
      }
      const several = [...chains.values()].filter((members) => members.length > 1).length;
      expect(indexes.multiAttemptChains()).toBe(several);
    }),
    { numRuns: 500 },
  );
});
