import type { EventRecord } from '../eventRecord';
import type { EventStore } from '../types';

/**
 * The one place remote records meet the records layer: adds or replaces them in a single
 * store update; records new to the store are listed first, newest first.
 */
export function mergeRecords(store: EventStore, records: readonly EventRecord[]): void {
  if (records.length === 0) return;
  store.setState((state) => {
    const next = { ...state.records };
    const added: string[] = [];
    for (const record of records) {
      if (next[record.id] === undefined) added.push(record.id);
      next[record.id] = record;
    }
    if (added.length === 0) return { records: next };
    return { records: next, order: added.reverse().concat(state.order) };
  });
}

/** The record of `id` as the store has it now. */
export function recordOf(store: EventStore, id: string): EventRecord | undefined {
  return store.getState().records[id];
}
