import { EVENT_STATUSES, type EventStatus } from '../../lib';

/** How many records are in each status, plus `total`. */
export type StatusCounts = Readonly<Record<EventStatus, number> & { total: number }>;

/**
 * Counts of records per status, kept up to date one record at a time: `add` and `drop` are
 * O(1), and `snapshot()` gives the same object until a count really changed.
 */
export interface StatusTally {
  add(status: EventStatus): void;
  drop(status: EventStatus): void;
  reset(): void;
  snapshot(): StatusCounts;
}

export function createStatusTally(): StatusTally {
  const counts = new Map<EventStatus, number>();
  let total = 0;
  let snapshot: StatusCounts | undefined;
  /** The last snapshot handed out, kept when a change left every count as it was. */
  let last: StatusCounts | undefined;
  return {
    add(status) {
      counts.set(status, (counts.get(status) ?? 0) + 1);
      total += 1;
      snapshot = undefined;
    },
    drop(status) {
      counts.set(status, (counts.get(status) ?? 0) - 1);
      total -= 1;
      snapshot = undefined;
    },
    reset() {
      counts.clear();
      total = 0;
      snapshot = undefined;
    },
    snapshot() {
      if (snapshot === undefined) {
        const next = { total } as Record<EventStatus, number> & { total: number };
        for (const status of EVENT_STATUSES) next[status] = counts.get(status) ?? 0;
        snapshot = last !== undefined && sameCounts(last, next) ? last : next;
        last = snapshot;
      }
      return snapshot;
    },
  };
}

function sameCounts(a: StatusCounts, b: StatusCounts): boolean {
  return a.total === b.total && EVENT_STATUSES.every((status) => a[status] === b[status]);
}
