import { EVENT_STATUSES, type EventStatus } from '../../lib';
import type { RecordsCache } from '../../store';

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

/** Imported logs are counted per file under keys with this prefix (see `sourceKeyOf`). */
const IMPORTED_PREFIX = 'imported:';

/** The last counts of each store's records: every store keeps the identity of its own. */
const lastOf = new WeakMap<RecordsCache, CountsBySource>();

/**
 * A selector over the records: built from the counts they keep per source, so it costs the
 * number of sources, not of records; the same object while the numbers stay the same.
 */
export function countsBySource(records: RecordsCache): CountsBySource {
  const all = records.counts();
  const own = Object.fromEntries(EVENT_STATUSES.map((status) => [status, all[status]])) as Record<
    EventStatus,
    number
  >;
  let imported = 0;
  for (const [key, tally] of records.indexes().sources()) {
    if (!key.startsWith(IMPORTED_PREFIX)) continue;
    const counts = tally.snapshot();
    imported += counts.total;
    for (const status of EVENT_STATUSES) own[status] -= counts[status];
  }
  const result: CountsBySource = { own, imported, total: all.total };
  const last = lastOf.get(records);
  if (last !== undefined && sameCounts(last, result)) return last;
  lastOf.set(records, result);
  return result;
}

function sameCounts(a: CountsBySource, b: CountsBySource): boolean {
  return (
    a.total === b.total &&
    a.imported === b.imported &&
    EVENT_STATUSES.every((status) => a.own[status] === b.own[status])
  );
}
