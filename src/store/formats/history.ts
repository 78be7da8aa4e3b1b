import type { EventRecord } from '../eventRecord';

/**
 * History as earlier versions wrote it to `localStorage`, in the manner of Zustand's `persist`
 * middleware: one key holding `{ version, savedAt, state }`. It is only read now (`../persistence`),
 * to move it into the history database (`../history`) on the first load; writing it is kept for
 * tests and tools that make such a history.
 *
 * Those versions wrote only the newest {@link MAX_STORED_RECORDS} records: localStorage holds
 * about 5 MB per origin and a record is 1–2 kB.
 */

export const DEFAULT_STORAGE_KEY = 'lifecycle-lab:history';
export const HISTORY_VERSION = 2;
/** Most records earlier versions wrote to `localStorage`, newest first. */
export const MAX_STORED_RECORDS = 5_000;

export const INTERRUPTED_MESSAGE =
  'Interrupted: the page was closed or reloaded while this event was processing';

/** What version 1 keeps. */
export interface StoredHistoryV1 {
  /** Newest first. */
  records: EventRecord[];
}

/** The stored form of `records` (newest first), capped at {@link MAX_STORED_RECORDS}. */
export function serializeHistory(records: readonly EventRecord[], savedAt: number): string {
  const state: StoredHistoryV1 = { records: records.slice(0, MAX_STORED_RECORDS) };
  return JSON.stringify({ version: HISTORY_VERSION, savedAt, state });
}
