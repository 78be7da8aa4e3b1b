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
  const { head, separator, tail } = historyShape(savedAt);
  return head + records.slice(0, MAX_STORED_RECORDS).map(recordJson).join(separator) + tail;
}

/**
 * The text around the records of {@link serializeHistory}, for writing it in parts: the
 * same as `JSON.stringify({ version, savedAt, state: { records } })`.
 */
export function historyShape(savedAt: number): { head: string; separator: string; tail: string } {
  return {
    head: `{"version":${String(HISTORY_VERSION)},"savedAt":${JSON.stringify(savedAt)},"state":{"records":[`,
    separator: ',',
    tail: ']}}',
  };
}

// Records are immutable: a record's JSON is written once, however often history is saved.
const jsonOfRecord = new WeakMap<EventRecord, string>();

/** `JSON.stringify(record)`, remembered per record object. */
export function recordJson(record: EventRecord): string {
  let json = jsonOfRecord.get(record);
  if (json === undefined) {
    json = JSON.stringify(record);
    jsonOfRecord.set(record, json);
  }
  return json;
}
