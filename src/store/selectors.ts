import { EventStatus, isTerminalStatus } from '../lib';
import type { EventRecord } from './eventRecord';
import { sourceKeyOf } from './remote/sourceKey';
import type { RecordsCache } from './records/recordsCache';
import type { StatusCounts } from './records/statusCounts';

export type { StatusCounts };

/**
 * Selectors return stable references: the same object or array until what they describe
 * really changed, so `useEventStore(selector)` re-renders only then.
 */

/** What the list shows. Every part is optional; empty means "all". */
export interface RecordFilter {
  /** One status, several, or `all`. */
  status?: EventStatus | readonly EventStatus[] | 'all';
  /** One kind or `all`. */
  kind?: string;
  /** Case-insensitive text found in the id, kind, label, status, error or response. */
  search?: string;
  /** One source (`this-page`, `remote:<name>`, `imported:<file>`; see `sourceKeyOf`) or `all`. */
  source?: string;
}

/** `true` when `record` passes `filter`. */
export function matchesFilter(record: EventRecord, filter: RecordFilter): boolean {
  const { status, kind, search } = filter;
  if (status !== undefined && status !== 'all') {
    if (typeof status === 'string' ? record.status !== status : !status.includes(record.status)) {
      return false;
    }
  }
  if (kind !== undefined && kind !== 'all' && kind !== '' && record.kind !== kind) return false;
  const source = filter.source;
  if (source !== undefined && source !== 'all' && source !== '' && sourceKeyOf(record) !== source) {
    return false;
  }
  const needle = search?.trim().toLowerCase() ?? '';
  if (needle === '') return true;
  return searchTextOf(record).includes(needle);
}

const searchTextCache = new WeakMap<EventRecord, string>();

function searchTextOf(record: EventRecord): string {
  let text = searchTextCache.get(record);
  if (text === undefined) {
    const { error, response } = record.execution;
    text = [
      record.id,
      record.kind,
      record.label,
      record.status,
      record.source,
      error === null ? '' : `${error.error} ${error.message}`,
      response === null ? '' : JSON.stringify(response).slice(0, 2_000),
    ]
      .join(' ')
      .toLowerCase();
    searchTextCache.set(record, text);
  }
  return text;
}

/**
 * Every attempt of the chain `id` belongs to, first attempt first (by attempt number, then
 * creation time). Stable while none of those records changed. Empty for an unknown id.
 */
export function selectChain(records: RecordsCache, id: string | null): readonly EventRecord[] {
  const record = id === null ? undefined : records.get(id);
  return record === undefined ? EMPTY : records.chain(record.chainId);
}

const EMPTY: readonly EventRecord[] = [];

/**
 * Seconds the record has been (or was) processing at `now` (epoch ms): its final duration
 * once terminal, the time since it started while processing, `null` while pending.
 *
 * ```ts
 * liveDuration(record, Date.now()); // 1.234
 * ```
 */
export function liveDuration(record: EventRecord, now: number): number | null {
  if (isTerminalStatus(record.status)) return record.duration;
  if (record.status !== EventStatus.PROCESSING) return null;
  const started = record.transitions.find((step) => step.status === EventStatus.PROCESSING);
  return started === undefined ? null : Math.max(0, (now - started.at) / 1000);
}

/** How many records there are. */
export const selectRecordCount = (records: RecordsCache): number => records.size();

/**
 * Whether the history is empty: a view that only needs this re-renders when it empties or
 * fills, not on every event a burst adds.
 */
export const selectNoRecords = (records: RecordsCache): boolean => records.size() === 0;

/** A number that changes whenever any record or the order changed. */
export const selectRecordsVersion = (records: RecordsCache): number => records.version();
