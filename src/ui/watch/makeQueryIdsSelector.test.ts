import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createEventStore, type EventStore } from '../../store';
import { parseFilterQuery } from './filterQuery.ts';
import { makeQueryIdsSelector } from './makeQueryIdsSelector.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A memory-only store that mirrors at once, holding one of each outcome (newest first). */
async function mixedStore(): Promise<EventStore> {
  const store = createEventStore({
    storage: null,
    schedule: (flush) => {
      flush();
    },
    frameBudgetMs: Infinity,
  });
  const { launch } = store.getState();
  await launch('simple', { returnValue: 'needle in the response' });
  await launch('failing', { errorMsg: 'Disk on fire' }, 2);
  await launch('slow', { delay: 60 });
  await launch('conditional', {});
  await vi.advanceTimersByTimeAsync(0);
  return store;
}

describe('ids passing a filter query', () => {
  test('filters by status, kind and text, newest first', async () => {
    const { records } = await mixedStore();
    const select = makeQueryIdsSelector();
    const kindsOf = (text: string) =>
      select(records, parseFilterQuery(text))
        .toArray()
        .map((id) => records.get(id)?.kind);
    expect(select(records, parseFilterQuery('')).toArray()).toEqual(records.order.toArray());
    expect(kindsOf('status:failed')).toEqual(['failing', 'failing']);
    expect(kindsOf('status:skipped status:processing')).toEqual(['conditional', 'slow']);
    expect(kindsOf('kind:slow')).toEqual(['slow']);
    expect(kindsOf('DISK ON')).toEqual(['failing', 'failing']);
    expect(kindsOf('needle')).toEqual(['simple']);
    expect(kindsOf('nothing like this')).toEqual([]);
  });

  test('the result keeps its identity while the matching ids stay the same', async () => {
    const store = await mixedStore();
    const select = makeQueryIdsSelector();
    const query = parseFilterQuery('status:failed');
    const first = select(store.records, query);
    await store.getState().launch('simple', {});
    await vi.advanceTimersByTimeAsync(0);
    expect(select(store.records, query)).toBe(first);
  });

  test('without a query, the list is the order read in place, new only when ids come or go', async () => {
    const store = await mixedStore();
    const { records } = store;
    const select = makeQueryIdsSelector();
    const empty = parseFilterQuery('');
    const first = select(records, empty);
    const listed = first.length;
    const [newest] = records.order.toArray();
    const record = newest === undefined ? undefined : records.get(newest);
    if (record === undefined) throw new Error('no record');
    records.upsert([{ ...record, progressMessage: 'halfway' }], 'newer');
    expect(select(records, empty)).toBe(first);
    await store.getState().launch('simple', {});
    await vi.advanceTimersByTimeAsync(0);
    const second = select(records, empty);
    expect(second).not.toBe(first);
    // The first list still reads as it was: the order only grows past it.
    expect(first.length).toBe(listed);
    expect(second.length).toBe(listed + 1);
    expect(second.at(1)).toBe(first.at(0));
    expect(second.basis).toBe(first.basis);
  });

  test('with a query, follows status changes without reading every record again', async () => {
    const store = await mixedStore();
    const { records } = store;
    const select = makeQueryIdsSelector();
    const query = parseFilterQuery('status:completed');
    const before = select(records, query);
    const slow = records.order.toArray().find((id) => records.get(id)?.kind === 'slow');
    const record = slow === undefined ? undefined : records.get(slow);
    if (record === undefined) throw new Error('no slow record');
    const get = vi.spyOn(records, 'get');
    records.upsert([{ ...record, status: 'completed' }], 'newer');
    const after = select(records, query);
    // One record changed: one record read.
    expect(get).toHaveBeenCalledTimes(1);
    expect(after).not.toBe(before);
    expect(after.basis).toBe(before.basis);
    expect(after.toArray()).toEqual([slow, ...before.toArray()]);
    expect(after.indexOf(record.id)).toBe(0);
    expect(before.toArray()).not.toContain(slow);
    expect(select(records, parseFilterQuery('status:completed')).basis).not.toBe(before.basis);
  });
});
