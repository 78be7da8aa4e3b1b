import type { Clock } from '../../lib';
import type { EventRecord } from '../eventRecord';
import { createdMs } from '../createdMs';
import { isQuotaError } from '../isQuotaError';
import { messageOf } from '../messageOf';
import type { HistoryDisk } from './historyDisk';
import type { StoredRow } from './historyDatabase';
import type { RecordChanges } from './recordsPort';

/** What went wrong with storage, in words, or `null` once everything pending was written. */
export interface WriteTrouble {
  reason: string;
  /** Records that are in memory only for now. */
  unsaved: number;
  /** How many of those came from an imported log. */
  unsavedImported: number;
  /** Storage is full (rather than refusing writes for another reason). */
  full: boolean;
}

export interface HistoryWriter {
  /** Queues one commit's changes; the next flush writes them. */
  accept(changes: RecordChanges): void;
  /** Starts writing (nothing is written before the saved history was read). */
  start(): void;
  /**
   * Writes one batch of what is queued (as much as a flush's budget allows); resolves once it
   * and the batches before it were committed or failed.
   */
  flush(): Promise<void>;
  /**
   * Writes everything queued now in one transaction, whatever its size and without waiting
   * for the batches in flight: for a page being hidden or closed, whose timers may never run
   * again. Resolves once it was committed or failed.
   */
  flushAll(): Promise<void>;
  /** The records that may not be on disk yet: queued, or in a batch not committed yet. */
  unsaved(): EventRecord[];
  /** Whether the record `id` may not be on disk yet. */
  isUnsaved(id: string): boolean;
  /** Whether writes fail now (storage full or refusing): they are retried, later. */
  inTrouble(): boolean;
  /**
   * Another page cleared the history: what is queued here, and what batches in flight would
   * put back, is older than that clear and is dropped.
   */
  dropQueued(): void;
  /** Stops the timers. */
  stop(): void;
}

export interface HistoryWriterConfig {
  disk: HistoryDisk;
  /** This page, written on every row. */
  tab: string;
  clock: Clock;
  /**
   * Runs the flush soon: a frame or two after a change (`backlog` false), so the changes of a
   * frame go together, or, for the further batches of a backlog (`backlog` true), as soon as
   * the page can spare the time while earlier batches commit; tests flush by hand.
   */
  scheduleFlush: (flush: () => void, backlog: boolean) => void;
  /** Hears every committed write, for the other tabs. */
  onCommitted: (changes: RecordChanges) => void;
  /** Hears when writes start failing (`trouble`) and when they work again (`null`). */
  onTrouble: (trouble: WriteTrouble | null) => void;
  /** Milliseconds before writing again after a failure; doubles up to a minute. */
  retryDelay?: number;
  /**
   * Milliseconds of the page's thread one flush may spend putting records (each put clones
   * its record there); what is left is written by the next flush.
   */
  flushBudgetMs?: number;
  /** Records a flush writes whatever its budget says; `MIN_ROWS_PER_FLUSH` unless given. */
  minRowsPerFlush?: number;
  /** A monotonic clock in milliseconds for the budget; `performance.now` unless given. */
  now?: () => number;
}

const MAX_RETRY_DELAY = 60_000;

/**
 * Most records one flush writes. Each `put` clones its record on the page's thread, so an
 * import of 100,000 records is written over many flushes, each a short task, not in one.
 */
export const MAX_ROWS_PER_FLUSH = 1_000;

/**
 * The default time one flush may spend putting records: a burst of thousands of changes is
 * written in slices that leave most of each frame to the page.
 */
export const FLUSH_BUDGET_MS = 6;

/** Records a flush writes whatever the budget says, so a small batch never waits a flush. */
export const MIN_ROWS_PER_FLUSH = 100;

/**
 * Batches written at once, each in a transaction of its own: the next batch's puts go while
 * the one before commits, so a backlog is written at the pace of the puts rather than of the
 * commits' round trips (a commit took 20–270 ms on a busy machine, for a batch of 100).
 */
export const MAX_BATCHES_IN_FLIGHT = 3;

/**
 * Writes the store's changes to disk incrementally: changes are coalesced by id between two
 * flushes and written in one transaction per flush, so a burst of thousands of transitions is
 * a handful of transactions and each flush costs O(records changed).
 *
 * When storage is full it keeps writing what fits (the person's own records before imported
 * ones, and it never deletes a saved record to make room); what does not fit stays queued and
 * is tried again, with a growing delay, until storage works again.
 */
export function createHistoryWriter(config: HistoryWriterConfig): HistoryWriter {
  const { disk, tab, clock } = config;
  const baseRetryDelay = config.retryDelay ?? 2_000;
  const flushBudgetMs = config.flushBudgetMs ?? FLUSH_BUDGET_MS;
  const minRowsPerFlush = config.minRowsPerFlush ?? MIN_ROWS_PER_FLUSH;
  const now = config.now ?? (() => performance.now());
  let pending = new Map<string, EventRecord>();
  let pendingRemoved = new Set<string>();
  let pendingClear = false;
  let started = false;
  let scheduled = false;
  /** Batches taken and not yet committed or failed, oldest first. */
  const inFlight = new Set<Promise<void>>();
  /**
   * The newest copy of each record a batch in flight is writing: a batch that fails puts back
   * only the copies no later batch took (a later one may be newer, and already written).
   */
  const inFlightCopies = new Map<string, EventRecord>();
  /** Counts the clears accepted: what a batch took before a clear must not come back after it. */
  let clears = 0;
  let trouble: WriteTrouble | null = null;
  let retryDelay = baseRetryDelay;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const hasPending = () => pendingClear || pending.size > 0 || pendingRemoved.size > 0;

  const schedule = (backlog: boolean): void => {
    if (!started || scheduled || retryTimer !== undefined || !hasPending()) return;
    // In trouble (storage full or refusing), one batch at a time finds out what fits.
    if (inFlight.size >= (trouble === null ? MAX_BATCHES_IN_FLIGHT : 1)) return;
    scheduled = true;
    config.scheduleFlush(() => {
      scheduled = false;
      void startBatch(false);
    }, backlog);
  };

  /** Takes a batch and writes it; the next one is scheduled at once, to go while it commits. */
  const startBatch = (whole: boolean): Promise<void> => {
    const batch = writeBatch(whole).finally(() => {
      inFlight.delete(batch);
      schedule(true);
    });
    inFlight.add(batch);
    schedule(true);
    return batch;
  };

  const toRow = (record: EventRecord): StoredRow => ({
    id: record.id,
    at: createdMs(record),
    savedAt: clock.now(),
    tab,
    record,
  });

  /**
   * Puts back what a batch took and did not write, under anything that changed since: not a
   * record changed again (queued, or taken by a later batch), and nothing at all once the
   * history was cleared after the batch was taken (`takenAfter`, the clears counted then).
   */
  const requeue = (
    records: readonly EventRecord[],
    removed: readonly string[],
    cleared: boolean,
    takenAfter: number,
  ) => {
    if (clears !== takenAfter) return;
    if (cleared) pendingClear = true;
    for (const id of removed) if (!pending.has(id)) pendingRemoved.add(id);
    for (const record of records) {
      const { id } = record;
      if (!pending.has(id) && !pendingRemoved.has(id) && inFlightCopies.get(id) === record) {
        pending.set(id, record);
      }
    }
  };

  /**
   * Writes `records` in as few transactions as storage allows: on a full disk, halves and
   * tries again; gives up on the rest once a half fits nothing. Returns what was not written.
   */
  const writeFitting = async (records: readonly EventRecord[]): Promise<EventRecord[]> => {
    try {
      await disk.write(records.map(toRow), [], false);
      return [];
    } catch (error) {
      if (!isQuotaError(error) || records.length <= 1) {
        if (isQuotaError(error)) return [...records];
        throw error;
      }
    }
    const middle = Math.ceil(records.length / 2);
    const first = records.slice(0, middle);
    const firstLeft = await writeFitting(first);
    if (firstLeft.length === first.length) return [...records];
    return [...firstLeft, ...(await writeFitting(records.slice(middle)))];
  };

  /** Takes a batch from what is queued (every record when `whole`) and writes it. */
  const writeBatch = async (whole: boolean): Promise<void> => {
    const records: EventRecord[] = [];
    for (const record of pending.values()) {
      if (!whole && records.length >= MAX_ROWS_PER_FLUSH) break;
      records.push(record);
    }
    for (const record of records) {
      pending.delete(record.id);
      inFlightCopies.set(record.id, record);
    }
    const removed = [...pendingRemoved];
    const cleared = pendingClear;
    const takenAfter = clears;
    pendingRemoved = new Set();
    pendingClear = false;
    try {
      await writeTaken(records, removed, cleared, takenAfter, whole);
    } finally {
      for (const record of records) {
        if (inFlightCopies.get(record.id) === record) inFlightCopies.delete(record.id);
      }
    }
  };

  const writeTaken = async (
    records: EventRecord[],
    removed: string[],
    cleared: boolean,
    takenAfter: number,
    whole: boolean,
  ): Promise<void> => {
    try {
      try {
        const rows = records.map(toRow);
        // The budget starts with the first put, not before the database is open, and spares
        // the first rows: a small batch (the changes of a frame or two) is written whole.
        let deadline: number | undefined;
        let put = 0;
        const enough = (): boolean => {
          put += 1;
          const time = now();
          deadline ??= time + flushBudgetMs;
          return put >= minRowsPerFlush && time >= deadline;
        };
        const written = await disk.write(rows, removed, cleared, whole ? undefined : enough);
        // What the budget left out waits for the next flush, under anything newer (and not
        // at all once the history was cleared meanwhile).
        const left = records.slice(written);
        requeue(left, [], false, takenAfter);
        const upserted = left.length === 0 ? records : records.slice(0, written);
        config.onCommitted({ upserted, removed, cleared });
        recovered();
        return;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
      }
      // Full: removals and a clear free space, so they go first, alone.
      if (cleared || removed.length > 0) {
        await disk.write([], removed, cleared);
        config.onCommitted({ upserted: [], removed, cleared });
      }
      // The person's own records before imported ones: an import never takes their place.
      const own = records.filter((record) => record.source !== 'imported');
      const imported = records.filter((record) => record.source === 'imported');
      const ownLeft = await writeFitting(own);
      const importedLeft = ownLeft.length > 0 ? imported : await writeFitting(imported);
      const left = [...ownLeft, ...importedLeft];
      const leftIds = new Set(left.map((record) => record.id));
      const written = records.filter((record) => !leftIds.has(record.id));
      if (written.length > 0)
        config.onCommitted({ upserted: written, removed: [], cleared: false });
      requeue(left, [], false, takenAfter);
      if (left.length === 0) recovered();
      else failed('storage is full', true);
    } catch (error) {
      requeue(records, removed, cleared, takenAfter);
      failed(`the browser refused to save it (${messageOf(error)})`, false);
    }
  };

  const recovered = (): void => {
    retryDelay = baseRetryDelay;
    if (trouble === null || hasPending()) return;
    trouble = null;
    config.onTrouble(null);
  };

  const failed = (reason: string, full: boolean): void => {
    let unsavedImported = 0;
    for (const record of pending.values()) if (record.source === 'imported') unsavedImported += 1;
    trouble = { reason, unsaved: pending.size, unsavedImported, full };
    config.onTrouble(trouble);
    // Batches that were in flight together fail together: one retry for all of them.
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      schedule(true);
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY);
  };

  /** Resolves once every batch in flight now (and any it schedules meanwhile) settled. */
  const settled = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  const flush = async (): Promise<void> => {
    await settled();
    if (!started || !hasPending()) return;
    await startBatch(false);
  };

  return {
    accept(changes) {
      if (changes.cleared) {
        clears += 1;
        pending = new Map();
        pendingRemoved = new Set();
        pendingClear = true;
      }
      for (const id of changes.removed) {
        pending.delete(id);
        pendingRemoved.add(id);
      }
      for (const record of changes.upserted) {
        pendingRemoved.delete(record.id);
        pending.set(record.id, record);
      }
      schedule(false);
    },
    start() {
      started = true;
      schedule(false);
    },
    flush() {
      if (retryTimer !== undefined) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
      }
      return flush();
    },
    dropQueued() {
      clears += 1;
      pending = new Map();
      pendingRemoved = new Set();
      pendingClear = false;
    },
    isUnsaved: (id) => pending.has(id) || inFlightCopies.has(id),
    inTrouble: () => trouble !== null,
    unsaved() {
      const records = new Map(inFlightCopies);
      for (const [id, record] of pending) records.set(id, record);
      return [...records.values()];
    },
    async flushAll() {
      if (retryTimer !== undefined) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
      }
      if (started && hasPending()) await startBatch(true);
      await settled();
    },
    stop() {
      started = false;
      clearTimeout(retryTimer);
      retryTimer = undefined;
    },
  };
}
