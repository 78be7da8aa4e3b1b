import type { EventRecord } from './eventRecord';

/**
 * When a record was created, in epoch milliseconds: its first transition's time. Records
 * keep `createdAt` as their source wrote it, with any UTC offset, so compare these instead.
 */
export function createdMs(record: EventRecord): number {
  return record.transitions[0]?.at ?? Date.parse(record.createdAt);
}
