import type { EventRecord } from '../eventRecord';
import type { EventStore } from '../types';

/**
 * The one place remote records meet the records layer: adds or replaces them in a single
 * store update; records new to the store are listed first, newest first.
 */
export function mergeRecords(store: EventStore, records: readonly EventRecord[]): void {
  store.records.upsert(records, 'newer');
}

/** The record of `id` as the store has it now. */
export function recordOf(store: EventStore, id: string): EventRecord | undefined {
  return store.records.get(id);
}
