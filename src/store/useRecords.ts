import { useCallback, useSyncExternalStore } from 'react';
import type { EventRecord } from './eventRecord';
import { frameScheduler } from './notifyManager';
import type { RecordsCache } from './records/recordsCache';
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
 * `select` must return a primitive or a stable reference (the cache's own counts, order,
 * kinds and chains are stable; see also `./selectors`).
 *
 * ```tsx
 * const total = useRecordsSelector((records) => records.size());
 * ```
 */
export function useRecordsSelector<T>(select: (records: RecordsCache) => T): T {
  const { records } = useEventStoreApi();
  const read = (): T => select(records);
  return useSyncExternalStore(subscribeOncePerFrame(records), read, read);
}

/** Records per status in the store, plus `total`. */
export function useStatusCounts(): StatusCounts {
  return useRecordsSelector(countsOf);
}

const countsOf = (records: RecordsCache): StatusCounts => records.counts();

const noop = (): void => undefined;

const perFrame = new WeakMap<RecordsCache, (listener: () => void) => () => void>();

/** `records.subscribe`, with the changes of one frame told once, at the frame. */
function subscribeOncePerFrame(records: RecordsCache): (listener: () => void) => () => void {
  let subscribe = perFrame.get(records);
  if (subscribe === undefined) {
    const listeners = new Set<() => void>();
    let scheduled = false;
    const tell = (): void => {
      scheduled = false;
      for (const listener of [...listeners]) listener();
    };
    records.subscribe(() => {
      if (scheduled || listeners.size === 0) return;
      scheduled = true;
      frameScheduler(tell);
    });
    subscribe = (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    };
    perFrame.set(records, subscribe);
  }
  return subscribe;
}

/** The selected record of the store, or `null`; re-renders when it or the selection changes. */
export function useSelectedRecord(): EventRecord | null {
  const selectedId = useEventStore((state) => state.selectedId);
  return useRecord(selectedId) ?? null;
}
