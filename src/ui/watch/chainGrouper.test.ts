import { describe, expect, it, vi } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import { createRecordsCache, type RecordsCache } from '../../store';
import { makeChainGrouper } from './chainGrouper.ts';
import { parseFilterQuery } from './filterQuery.ts';
import { makeQueryIdsSelector } from './makeQueryIdsSelector.ts';

/** `count` single attempts, then a retried chain (two attempts) on top. */
function history(count: number): RecordsCache {
  const records = createRecordsCache();
  records.upsert(
    Array.from({ length: count }, (_, index) => makeRecord({ id: `r${String(index)}` })),
    'newer',
  );
  records.upsert([makeRecord({ id: 'x1', chainId: 'x1', attempt: 1, status: 'failed' })], 'newer');
  records.upsert([makeRecord({ id: 'x2', chainId: 'x1', attempt: 2, status: 'pending' })], 'newer');
  return records;
}

describe('grouping kept up to date by what changed', () => {
  const none: ReadonlySet<string> = new Set();
  const empty = parseFilterQuery('');

  it('keeps the rows object when nothing shown changed, and unchanged rows when a row is added', () => {
    const records = history(50);
    const select = makeQueryIdsSelector();
    const grouper = makeChainGrouper();
    const first = grouper.rows(select(records, empty), records, none);
    expect(first.length).toBe(51);
    expect(first.at(0)).toMatchObject({ id: 'x2', earlier: 1 });
    // A status change of a listed record changes no row.
    const x2 = records.get('x2');
    if (x2 === undefined) throw new Error('no x2');
    records.upsert([{ ...x2, status: 'completed' }], 'newer');
    expect(grouper.rows(select(records, empty), records, none)).toBe(first);
    // A new record on top: one new row, every other row the same object.
    records.upsert([makeRecord({ id: 'new' })], 'newer');
    const second = grouper.rows(select(records, empty), records, none);
    expect(second).not.toBe(first);
    expect(second.length).toBe(52);
    expect(second.idAt(0)).toBe('new');
    for (let index = 0; index < first.length; index += 1) {
      expect(second.at(index + 1)).toBe(first.at(index));
    }
  });

  it('reads only the records that changed, not every listed one', () => {
    const records = history(5_000);
    const select = makeQueryIdsSelector();
    const grouper = makeChainGrouper();
    grouper.rows(select(records, empty), records, none);
    records.upsert(
      [makeRecord({ id: 'x3', chainId: 'x1', attempt: 3, status: 'pending' })],
      'newer',
    );
    const get = vi.spyOn(records, 'get');
    const rows = grouper.rows(select(records, empty), records, none);
    expect(rows.at(0)).toMatchObject({ id: 'x3', earlier: 2 });
    expect(rows.indexOf('x2')).toBe(-1);
    // The new attempt and its chain's two others: a handful of reads, not 5,000.
    expect(get.mock.calls.length).toBeLessThan(20);
  });

  it('opens and closes one chain without regrouping the others', () => {
    const records = history(10);
    const select = makeQueryIdsSelector();
    const grouper = makeChainGrouper();
    const closed = grouper.rows(select(records, empty), records, none);
    const open = grouper.rows(select(records, empty), records, new Set(['x1']));
    expect(open.length).toBe(closed.length + 1);
    expect(open.at(1)).toMatchObject({ id: 'x1', depth: 1 });
    expect(open.at(2)).toBe(closed.at(1));
  });
});
