import { isTerminalStatus, type EventStatus } from '../../lib/status.ts';

/**
 * Services that log every transition write the same event several times: a snapshot while
 * it is processing, then the final record. The snapshots of one id become one event.
 */

/** What merging reads of a record. */
export interface SnapshotRecord {
  id: string;
  created_at: string;
  execution: { status: EventStatus };
}

/** One record of the log, where it was found and what it says. */
export interface Snapshot<T extends SnapshotRecord> {
  /** `[3]` in a JSON array, `line 4` in JSON Lines. */
  where: string;
  record: T;
}

/** One event made of its snapshots. */
export interface MergedEvent<T extends SnapshotRecord> {
  /** The snapshot whose status won: the event's record. */
  final: Snapshot<T>;
  /** The statuses the snapshots went through that the event took, in order. */
  statuses: EventStatus[];
  /** How many snapshots of this event the log holds (1 for an event logged once). */
  count: number;
}

/** A snapshot that contradicts an earlier one of the same event. */
export interface SnapshotConflict {
  where: string;
  field: string;
  message: string;
}

const RANK: Record<EventStatus, number> = {
  pending: 0,
  processing: 1,
  completed: 2,
  failed: 2,
  cancelled: 2,
  skipped: 2,
  aborted: 2,
};

/**
 * Whether a snapshot with status `next` would move an event at `current` backwards: a
 * terminal status never changes again, and a processing event does not go back to pending.
 * Such a snapshot is older news, whatever order it arrived in.
 */
export function wouldGoBack(current: EventStatus, next: EventStatus): boolean {
  return isTerminalStatus(current) || RANK[next] < RANK[current];
}

/**
 * Groups snapshots by id, in the order each id first appears. A later snapshot wins unless
 * it would move the event backwards: a terminal status never changes again, and a
 * processing event does not go back to pending. A snapshot whose `created_at` differs from
 * the first one's is not the same event: it is reported and left out.
 */
export function mergeSnapshots<T extends SnapshotRecord>(
  snapshots: readonly Snapshot<T>[],
): { events: MergedEvent<T>[]; conflicts: SnapshotConflict[] } {
  const byId = new Map<string, MergedEvent<T> & { first: Snapshot<T> }>();
  const conflicts: SnapshotConflict[] = [];
  for (const snapshot of snapshots) {
    const { id, created_at } = snapshot.record;
    const status = snapshot.record.execution.status;
    const event = byId.get(id);
    if (event === undefined) {
      byId.set(id, { first: snapshot, final: snapshot, statuses: [status], count: 1 });
      continue;
    }
    if (created_at !== event.first.record.created_at) {
      conflicts.push({
        where: snapshot.where,
        field: 'created_at',
        message: `${created_at} differs from ${event.first.record.created_at} in ${event.first.where}, an earlier record of the same id`,
      });
      continue;
    }
    event.count += 1;
    const current = event.final.record.execution.status;
    if (wouldGoBack(current, status)) continue;
    event.final = snapshot;
    if (status !== current) event.statuses.push(status);
  }
  const events = [...byId.values()].map(({ final, statuses, count }) => ({
    final,
    statuses,
    count,
  }));
  return { events, conflicts };
}
