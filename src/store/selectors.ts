import { EVENT_STATUSES, EventStatus, isTerminalStatus } from '../lib';
import { createdMs } from './createdMs';
import type { EventRecord } from './eventRecord';
import type { EventStoreState } from './types';

/**
 * Selectors return stable references: the same object or array until what they describe
 * really changed, so `useEventStore(selector)` re-renders only then.
 */

/** How many records are in each status, plus `total`. */
export type StatusCounts = Record<EventStatus, number> & { total: number };

const countsCache = new WeakMap<Record<string, EventRecord>, StatusCounts>();
let lastCounts: StatusCounts | undefined;

/** Records per status. Stable: the same object while the counts stay the same. */
export function statusCounts(state: Pick<EventStoreState, 'records'>): StatusCounts {
  const cached = countsCache.get(state.records);
  if (cached !== undefined) return cached;
  const counts = Object.fromEntries(EVENT_STATUSES.map((status) => [status, 0])) as Record<
    EventStatus,
    number
  >;
  let total = 0;
  for (const id in state.records) {
    const record = state.records[id];
    if (record === undefined) continue;
    counts[record.status] += 1;
    total += 1;
  }
  let result: StatusCounts = { ...counts, total };
  if (lastCounts !== undefined && sameCounts(lastCounts, result)) result = lastCounts;
  lastCounts = result;
  countsCache.set(state.records, result);
  return result;
}

function sameCounts(a: StatusCounts, b: StatusCounts): boolean {
  return a.total === b.total && EVENT_STATUSES.every((status) => a[status] === b[status]);
}

/** What the list shows. Every part is optional; empty means "all". */
export interface RecordFilter {
  /** One status, several, or `all`. */
  status?: EventStatus | readonly EventStatus[] | 'all';
  /** One kind or `all`. */
  kind?: string;
  /** Case-insensitive text found in the id, kind, label, status, error or response. */
  search?: string;
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
 * Makes a memoised "ids passing this filter, newest first" selector. Give each list its own;
 * the result keeps its identity while the ids are the same.
 *
 * ```ts
 * const selectIds = makeFilteredIdsSelector();
 * const ids = useEventStore((state) => selectIds(state, filter));
 * ```
 */
export function makeFilteredIdsSelector(): (
  state: Pick<EventStoreState, 'records' | 'order'>,
  filter: RecordFilter,
) => string[] {
  let lastRecords: Record<string, EventRecord> | undefined;
  let lastOrder: string[] | undefined;
  let lastKey = '';
  let lastResult: string[] = [];
  return (state, filter) => {
    const key = filterKey(filter);
    if (state.records === lastRecords && state.order === lastOrder && key === lastKey) {
      return lastResult;
    }
    const result = isEmptyFilter(filter)
      ? state.order
      : state.order.filter((id) => {
          const record = state.records[id];
          return record !== undefined && matchesFilter(record, filter);
        });
    lastRecords = state.records;
    lastOrder = state.order;
    lastKey = key;
    if (!sameIds(result, lastResult)) lastResult = result;
    return lastResult;
  };
}

/** A shared {@link makeFilteredIdsSelector}, for a page with one list. */
export const selectFilteredIds = makeFilteredIdsSelector();

function filterKey(filter: RecordFilter): string {
  const status = typeof filter.status === 'object' ? filter.status.join(',') : filter.status;
  return `${status ?? ''}\u0000${filter.kind ?? ''}\u0000${filter.search?.trim().toLowerCase() ?? ''}`;
}

function isEmptyFilter(filter: RecordFilter): boolean {
  const { status, kind, search } = filter;
  return (
    (status === undefined || status === 'all') &&
    (kind === undefined || kind === 'all' || kind === '') &&
    (search === undefined || search.trim() === '')
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

const chainCache = new Map<
  string,
  { records: Record<string, EventRecord>; chain: EventRecord[] }
>();

/**
 * Every attempt of the chain `id` belongs to, first attempt first (by attempt number, then
 * creation time). Stable while none of those records changed. Empty for an unknown id.
 */
export function selectChain(
  state: Pick<EventStoreState, 'records' | 'order'>,
  id: string | null,
): EventRecord[] {
  const record = id === null ? undefined : state.records[id];
  if (record === undefined) return EMPTY;
  const cached = chainCache.get(record.chainId);
  if (cached?.records === state.records) return cached.chain;
  const chain: EventRecord[] = [];
  for (const otherId of state.order) {
    const other = state.records[otherId];
    if (other?.chainId === record.chainId) chain.push(other);
  }
  chain.sort((a, b) => a.attempt - b.attempt || createdMs(a) - createdMs(b));
  const result = cached !== undefined && sameRecords(cached.chain, chain) ? cached.chain : chain;
  if (chainCache.size > 200) chainCache.clear();
  chainCache.set(record.chainId, { records: state.records, chain: result });
  return result;
}

const EMPTY: EventRecord[] = [];

function sameRecords(a: readonly EventRecord[], b: readonly EventRecord[]): boolean {
  return a.length === b.length && a.every((record, index) => record === b[index]);
}

/** The selected record, or `null`. */
export function selectSelected(state: EventStoreState): EventRecord | null {
  return state.selectedId === null ? null : (state.records[state.selectedId] ?? null);
}

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

/** `true` when the store can act on the record's event (invoke, cancel, retry from it). */
export function isLive(record: EventRecord): boolean {
  return record.source === 'live';
}
