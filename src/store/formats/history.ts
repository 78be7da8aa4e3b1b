import type { EventRecord } from '../eventRecord';

/**
 * History as it is written to storage, in the manner of Zustand's `persist` middleware: one
 * key holding `{ version, savedAt, state }`. Reading it back (`./persistence`) needs the
 * schemas, so it is fetched after the first render; writing needs nothing but this.
 *
 * Only the newest {@link MAX_STORED_RECORDS} records are written: localStorage holds about
 * 5 MB per origin and a record is 1–2 kB, so more would soon fill it. Older records stay in
 * memory for the session and can be kept with an export.
 */

export const DEFAULT_STORAGE_KEY = 'lifecycle-lab:history';
export const HISTORY_VERSION = 2;
/** Most records written to storage, newest first. */
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
