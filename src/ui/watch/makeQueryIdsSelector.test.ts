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
      select(records, parseFilterQuery(text)).map((id) => records.get(id)?.kind);
    expect(select(records, parseFilterQuery(''))).toBe(records.order.toArray());
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
});
