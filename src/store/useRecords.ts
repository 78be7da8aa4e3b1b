import { useCallback, useSyncExternalStore } from 'react';
import type { EventRecord } from './eventRecord';
import type { RecordsCache } from './records/recordsCache';
import { recordsNotifier } from './recordsNotifier';
import type { StatusCounts } from './records/statusCounts';
import { useEventStoreApi } from './eventStoreContext';
import { useEventStore } from './useEventStore';

/**
 * One record of the store (see `useEventStoreApi`), or `undefined`; re-renders only when that record changes
 * (its own subscription, not the store's), so a row costs nothing while others change.
 *
 * ```tsx
 * const record = useRecord(id);
 * ```
 */
export function useRecord(id: string | null): EventRecord | undefined {
  const { records } = useEventStoreApi();
  const subscribe = useCallback(
    (onChange: () => void) => (id === null ? noop : records.subscribeRecord(id, onChange)),
    [records, id],
  );
  const read = (): EventRecord | undefined => (id === null ? undefined : records.get(id));
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * A value worked out from the store's records, read again at most once per animation
 * frame after they changed: a burst commits records many times a frame, and views of the
 * whole collection (list, counters) need to render once per frame, not once per commit.
 * With `everyMs`, at most once every `everyMs` while changes keep coming (see
 * `createRecordsNotifier`); a render for another reason still reads the records as they are.
 * `select` must return a primitive or a stable reference (the cache's own counts, order,
 * kinds and chains are stable; see also `./selectors`).
 *
 * ```tsx
 * const total = useRecordsSelector((records) => records.size());
 * ```
 */
export function useRecordsSelector<T>(
  select: (records: RecordsCache) => T,
  options: { everyMs?: number } = {},
): T {
  const { records } = useEventStoreApi();
  const read = (): T => select(records);
  return useSyncExternalStore(recordsNotifier(records, options.everyMs), read, read);
}

/** Records per status in the store, plus `total`. */
export function useStatusCounts(): StatusCounts {
  return useRecordsSelector(countsOf);
}

const countsOf = (records: RecordsCache): StatusCounts => records.counts();

const noop = (): void => undefined;

/** The selected record of the store, or `null`; re-renders when it or the selection changes. */
export function useSelectedRecord(): EventRecord | null {
  const selectedId = useEventStore((state) => state.selectedId);
  return useRecord(selectedId) ?? null;
}
