import { EVENT_STATUSES, type EventStatus } from '../../lib';
import type { EventRecord, EventStoreState } from '../../store';

/**
 * The status counters' numbers: per status, the events of this page (live, remote and
 * restored from this browser's history); imported records apart, so an imported `pending`
 * record never reads as a pending event of yours; and the total of everything listed.
 */
export interface CountsBySource {
  own: Record<EventStatus, number>;
  imported: number;
  total: number;
}

const cache = new WeakMap<Record<string, EventRecord>, CountsBySource>();
let last: CountsBySource | undefined;

/** A selector: stable, the same object while the numbers stay the same. */
export function countsBySource(state: Pick<EventStoreState, 'records'>): CountsBySource {
  const cached = cache.get(state.records);
  if (cached !== undefined) return cached;
  const own = Object.fromEntries(EVENT_STATUSES.map((status) => [status, 0])) as Record<
    EventStatus,
    number
  >;
  let imported = 0;
  let total = 0;
  for (const id in state.records) {
    const record = state.records[id];
    if (record === undefined) continue;
    total += 1;
    if (record.source === 'imported') imported += 1;
    else own[record.status] += 1;
  }
  let result: CountsBySource = { own, imported, total };
  if (last !== undefined && sameCounts(last, result)) result = last;
  last = result;
  cache.set(state.records, result);
  return result;
}

function sameCounts(a: CountsBySource, b: CountsBySource): boolean {
  return (
    a.total === b.total &&
    a.imported === b.imported &&
    EVENT_STATUSES.every((status) => a.own[status] === b.own[status])
  );
}
