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
  /** Writes what is queued now; resolves once it was committed or failed. */
  flush(): Promise<void>;
  /** Stops the timers. */
  stop(): void;
}

export interface HistoryWriterConfig {
  disk: HistoryDisk;
  /** This page, written on every row. */
  tab: string;
  clock: Clock;
  /** Runs the flush soon (a frame or two); tests flush by hand. */
  scheduleFlush: (flush: () => void) => void;
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
  let writing: Promise<void> | null = null;
  let trouble: WriteTrouble | null = null;
  let retryDelay = baseRetryDelay;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const hasPending = () => pendingClear || pending.size > 0 || pendingRemoved.size > 0;
  /** A clear accepted since the current batch was taken (read after an `await`). */
  const clearQueued = (): boolean => pendingClear;

  const schedule = (): void => {
    if (!started || scheduled || writing !== null || retryTimer !== undefined) return;
    scheduled = true;
    config.scheduleFlush(() => {
      scheduled = false;
      void flush();
    });
  };

  const toRow = (record: EventRecord): StoredRow => ({
    id: record.id,
    at: createdMs(record),
    savedAt: clock.now(),
    tab,
    record,
  });

  /** Puts back what a failed write took, under anything that changed since. */
  const requeue = (
    records: readonly EventRecord[],
    removed: readonly string[],
    cleared: boolean,
  ) => {
    if (cleared) pendingClear = true;
    for (const id of removed) if (!pending.has(id)) pendingRemoved.add(id);
    for (const record of records) {
      if (!pending.has(record.id) && !pendingRemoved.has(record.id)) pending.set(record.id, record);
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

  const writeBatch = async (): Promise<void> => {
    const records: EventRecord[] = [];
    for (const record of pending.values()) {
      if (records.length >= MAX_ROWS_PER_FLUSH) break;
      records.push(record);
    }
    for (const record of records) pending.delete(record.id);
    const removed = [...pendingRemoved];
    const cleared = pendingClear;
    pendingRemoved = new Set();
    pendingClear = false;
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
        const written = await disk.write(rows, removed, cleared, enough);
        // What the budget left out waits for the next flush, under anything newer (and not
        // at all once the history was cleared meanwhile).
        const left = records.slice(written);
        if (!clearQueued()) requeue(left, [], false);
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
      requeue(left, [], false);
      if (left.length === 0) recovered();
      else failed('storage is full', true);
    } catch (error) {
      requeue(records, removed, cleared);
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
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      schedule();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY);
  };

  const flush = async (): Promise<void> => {
    if (writing !== null) {
      await writing;
      if (!hasPending()) return;
    }
    if (!started || !hasPending()) return;
    writing = writeBatch();
    try {
      await writing;
    } finally {
      writing = null;
    }
    if (hasPending()) schedule();
  };

  return {
    accept(changes) {
      if (changes.cleared) {
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
      schedule();
    },
    start() {
      started = true;
      if (hasPending()) schedule();
    },
    flush() {
      if (retryTimer !== undefined) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
      }
      return flush();
    },
    stop() {
      started = false;
      clearTimeout(retryTimer);
      retryTimer = undefined;
    },
  };
}
