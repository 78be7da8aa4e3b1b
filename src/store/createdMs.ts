import type { EventRecord } from './eventRecord';

/**
 * When a record was created, in epoch milliseconds: its first transition's time. Records
 * keep `createdAt` as their source wrote it, with any UTC offset, so compare these instead.
 */
export function createdMs(record: EventRecord): number {
  return record.transitions[0]?.at ?? Date.parse(record.createdAt);
}

/**
 * Oldest first by creation time; records created in the same millisecond by id, so their
 * order is the same wherever they are listed (this page, another tab, a reload, an export).
 * It is the order of the history database's `newest` index, `[at, id]`.
 */
export function compareByCreated(a: EventRecord, b: EventRecord): number {
  return createdMs(a) - createdMs(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
