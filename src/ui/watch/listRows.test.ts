import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupChains } from './groupChains';
import { rowIdsOf, ungroupedRows } from './listRows';

describe('the list’s rows read by position', () => {
  it('lists ids without retries as grouping would, without copying them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 30 }), (ids) => {
        const rows = ungroupedRows(ids, (id) => `chain-${id}`);
        const grouped = groupChains(
          ids,
          (id) => ({ chainId: `chain-${id}`, attempt: 1 }),
          () => true,
        );
        expect(rows.length).toBe(grouped.length);
        expect(grouped.map((_, index) => rows.at(index))).toEqual(grouped);
        expect(rowIdsOf(rows)).toEqual(ids);
        for (const [index, id] of ids.entries()) expect(rows.indexOf(id)).toBe(index);
      }),
    );
  });
});
