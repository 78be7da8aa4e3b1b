import { compareByCreated, createdMs } from '../createdMs';
import type { EventRecord } from '../eventRecord';
import { isNewerRecord } from '../history/isNewerRecord';
import type { RecordChanges, RecordsPort } from '../history/recordsPort';
import { createChangeFeed } from './changeFeed';
import { createIdOrder, type IdOrder } from './idOrder';
import { createRecordIndexes, type RecordIndexes } from './recordIndexes';
import type { StatusCounts } from './statusCounts';

/** Where ids new to the history are listed: above every record (`newer`) or below (`older`). */
export type Placement = 'newer' | 'older';

/**
 * The store's records, by id, in the manner of TanStack Query's `QueryCache`: a `Map`, with
 * listeners per record and for the whole, and counts, kinds and chains kept up to date as
 * records change. A commit costs O(records it changes), never O(all records).
 *
 * ```ts
 * const records = createRecordsCache();
 * records.upsert([record], 'newer');
 * records.get(record.id); // record
 * records.subscribeRecord(record.id, () => render());
 * ```
 */
export interface RecordsCache extends RecordsPort {
  get(id: string): EventRecord | undefined;
  has(id: string): boolean;
  /** Ids, newest first. */
  readonly order: IdOrder;
  /** Bumped on every change of any record or of the order. */
  version(): number;
  /**
   * The ids added, changed or removed after `version` (one of `version()`'s values), or
   * `undefined` when that is no longer known (a clear since, or too long ago): then read all.
   */
  changedSince(version: number): ReadonlySet<string> | undefined;
  counts(): StatusCounts;
  indexes(): Omit<RecordIndexes, 'add' | 'drop' | 'reset'>;
  /** Every attempt of `chainId`, first attempt first; the same array until the chain changed. */
  chain(chainId: string): readonly EventRecord[];
  /** Hears every change, once per commit. Returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Hears changes of one record (added, changed, removed). Returns the unsubscribe. */
  subscribeRecord(id: string, listener: () => void): () => void;
  /** Adds or replaces records; ids new to the history are listed as `placement` says. */
  upsert(records: readonly EventRecord[], placement: Placement): void;
  /**
   * Adds records read from storage that are not in memory yet, listed as `placement` says,
   * without reporting them to `subscribeChanges` (they are saved already).
   */
  adopt(records: readonly EventRecord[], placement: Placement): void;
  /** Forgets the records with these ids. */
  remove(ids: readonly string[]): void;
  /** Forgets every record. */
  clear(): void;
}

export function createRecordsCache(): RecordsCache {
  const byId = new Map<string, EventRecord>();
  const order = createIdOrder();
  const indexes = createRecordIndexes();
  const listeners = new Set<() => void>();
  const recordListeners = new Map<string, Set<() => void>>();
  const changeListeners = new Set<(changes: RecordChanges) => void>();
  const feed = createChangeFeed();
  let version = 0;

  const put = (record: EventRecord): boolean => {
    const current = byId.get(record.id);
    if (current === record) return false;
    if (current !== undefined) indexes.drop(current);
    byId.set(record.id, record);
    indexes.add(record);
    return current === undefined;
  };

  const take = (id: string): boolean => {
    const current = byId.get(id);
    if (current === undefined) return false;
    indexes.drop(current);
    byId.delete(id);
    return true;
  };

  const notify = (ids: readonly string[] | 'all', changes: RecordChanges | null): void => {
    version += 1;
    feed.note(version, ids);
    if (ids === 'all') {
      for (const set of recordListeners.values()) for (const listener of [...set]) listener();
    } else {
      for (const id of ids) {
        const set = recordListeners.get(id);
        if (set !== undefined) for (const listener of [...set]) listener();
      }
    }
    for (const listener of [...listeners]) listener();
    if (changes !== null) for (const listener of [...changeListeners]) listener(changes);
  };

  /** One commit: clears, removes and upserts, then tells the listeners once. */
  const apply = (
    upserted: readonly EventRecord[],
    removed: readonly string[],
    cleared: boolean,
    placement: Placement | 'by-time',
    report: boolean,
  ): void => {
    if (cleared) {
      byId.clear();
      order.clear();
      indexes.reset();
    }
    const gone = new Set<string>();
    for (const id of removed) if (take(id)) gone.add(id);
    order.remove(gone);
    const added: EventRecord[] = [];
    const changed: EventRecord[] = [];
    for (const record of upserted) {
      if (!report) {
        const current = byId.get(record.id);
        if (current !== undefined && !isNewerRecord(record, current)) continue;
      }
      const current = byId.get(record.id);
      if (current === record) continue;
      if (put(record)) added.push(record);
      changed.push(record);
    }
    place(added, placement);
    if (!cleared && gone.size === 0 && changed.length === 0) return;
    const ids = cleared ? 'all' : [...gone, ...changed.map((record) => record.id)];
    notify(ids, report ? { upserted: changed, removed: [...gone], cleared } : null);
  };

  /**
   * Lists new ids. Records from outside (`by-time`) go above the list when they are at least
   * as new as its newest record, below it otherwise, so history read in lands under the
   * records made since the page opened.
   */
  const place = (added: readonly EventRecord[], placement: Placement | 'by-time'): void => {
    if (added.length === 0) return;
    if (placement === 'newer') {
      order.addNewer(added.map((record) => record.id));
      return;
    }
    if (placement === 'older') {
      order.addOlder(added.map((record) => record.id));
      return;
    }
    const top = order.at(0);
    const topRecord = top === undefined ? undefined : byId.get(top);
    const topCreated = topRecord === undefined ? -Infinity : createdMs(topRecord);
    const above = added.filter((record) => createdMs(record) >= topCreated);
    const below = added.filter((record) => createdMs(record) < topCreated);
    order.addNewer(above.sort(byCreatedAt).map((record) => record.id));
    order.addOlder(
      below
        .sort(byCreatedAt)
        .reverse()
        .map((record) => record.id),
    );
  };

  return {
    get: (id) => byId.get(id),
    getRecord: (id) => byId.get(id),
    has: (id) => byId.has(id),
    size: () => byId.size,
    order,
    version: () => version,
    changedSince: (since) => feed.since(since),
    counts: () => indexes.counts(),
    indexes: () => indexes,
    chain: (chainId) => indexes.chain(chainId, (id) => byId.get(id)),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    subscribeRecord(id, listener) {
      let set = recordListeners.get(id);
      if (set === undefined) recordListeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && recordListeners.get(id) === set) recordListeners.delete(id);
      };
    },
    subscribeChanges(listener) {
      changeListeners.add(listener);
      return () => {
        changeListeners.delete(listener);
      };
    },
    upsert(records, placement) {
      apply(records, [], false, placement, true);
    },
    adopt(records, placement) {
      apply(
        records.filter((record) => !byId.has(record.id)),
        [],
        false,
        placement,
        false,
      );
    },
    remove(ids) {
      apply([], ids, false, 'newer', true);
    },
    clear() {
      apply([], [], true, 'newer', true);
    },
    applyExternal(upserted, removed, cleared) {
      apply(upserted, removed, cleared, 'by-time', false);
    },
  };
}

function byCreatedAt(a: EventRecord, b: EventRecord): number {
  return compareByCreated(a, b);
}
