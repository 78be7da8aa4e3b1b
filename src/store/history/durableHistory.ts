import { isTerminalStatus, type Clock } from '../../lib';
import type { EventRecord } from '../eventRecord';
import { messageOf } from '../messageOf';
import { loadHistory, restoreRecord } from '../persistence';
import { DEFAULT_STORAGE_KEY } from '../formats/history';
import type { EventStoreOptions, Notice, StorageLike, StorageStatus } from '../types';
import {
  broadcastHistoryChannel,
  type HistoryChannel,
  type HistoryMessage,
} from './historyChannel';
import { openHistoryDatabase, type HistoryDatabase } from './historyDatabase';
import { createHistoryDisk, type HistoryDisk } from './historyDisk';
import { createHistoryWriter, type WriteTrouble } from './historyWriter';
import { migrateLocalHistory } from './migrateLocalHistory';
import { forgetUnsaved, keepUnsaved, unsavedJournals, unsavedKey } from './unsavedJournal';
import { readSavedHistory, type SavedPage } from './readSavedHistory';
import type { RecordChanges, RecordsPort } from './recordsPort';
import { pruneToRetention, readRetention, saveRetention } from './retention';
import { DEFAULT_RETENTION, isRetention, MAX_RETENTION, MIN_RETENTION } from './retentionLimits';
import { browserTabPresence, type TabPresence } from './tabPresence';
import { writeIfNewer } from './writeIfNewer';

/** Stand-ins for the browser's pieces, for tests and for pages without them. */
export interface HistoryHooks {
  /** This page's id (default: a random UUID). */
  tab?: string;
  /** Which pages are open (default: Web Locks, where the browser has them). */
  presence?: TabPresence;
  /** How pages tell each other of writes (default: a `BroadcastChannel`); `null` for none. */
  channel?: HistoryChannel | null;
  /** Milliseconds between a write and the retention check after it (default 1000). */
  pruneDelay?: number;
  /** Milliseconds before a failed write is tried again (default 2000, doubling). */
  retryDelay?: number;
  /** Stands in for the database when writing (tests make it fail as browsers fail). */
  disk?: HistoryDisk;
}

export interface DurableHistoryConfig extends HistoryHooks {
  port: RecordsPort;
  /** The browser's IndexedDB, or `null` when there is none (history then stays in memory). */
  factory: IDBFactory | null;
  /** Why there is no database, in words, when `factory` is `null`. */
  unavailableReason?: string;
  /** The database's name; the channel between pages is named after it too. */
  databaseName: string;
  /** Where earlier versions kept history, read once and moved into the database. */
  legacy: StorageLike | null;
  legacyKey: string;
  clock: Clock;
  notice: (level: Notice['level'], message: string) => void;
  setStatus: (status: StorageStatus) => void;
  /** Hears a retention limit another page set. */
  onRetention?: (limit: number) => void;
  /** Milliseconds between a change and its write (default 16: a frame). */
  writeDelay?: number;
}

/** History on disk for one store: read in once, then kept up to date as records change. */
export interface DurableHistory {
  /** Hands over one commit's changes to be written. */
  accept(changes: RecordChanges): void;
  /** Resolves once the saved history was read in (or could not be); never rejects. */
  readonly hydrated: Promise<void>;
  /**
   * Writes everything queued now, in one transaction and one task whatever its size: for a
   * page being hidden or closed, whose timers may never run again.
   */
  flush(): Promise<void>;
  /**
   * Keeps the records not on disk yet in `localStorage` (see `./unsavedJournal`), for a page
   * that is being closed; the next page to load moves them into the database.
   */
  keepUnsaved(): void;
  /** Drops that copy: the page came back (from the back/forward cache) and writes on. */
  forgetUnsaved(): void;
  /**
   * Resolves once the records `ids` are on disk, telling `onProgress` how many are, or at once
   * when storage is in trouble (its notice says what is not saved); `'cancelled'` when
   * `signal` aborts first.
   */
  whenSaved(
    ids: readonly string[],
    onProgress: (saved: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<'saved' | 'cancelled'>;
  /** Most records kept; the oldest beyond it are removed (pruned). */
  retention(): number;
  /** Sets and saves the limit; refused, in words, when out of range or not saved. */
  setRetention(limit: number): Promise<{ ok: true } | { ok: false; error: string }>;
  stop(): void;
}

/**
 * Durable history: the saved records are read in newest first, in pages; every change made in
 * this page is written within a frame or two (see `./historyWriter`), and other pages hear of
 * each committed write over `channel`. Records are rows keyed by id, so pages never erase each
 * other's records; when two copies of one record meet, the newer one (`isNewerRecord`) wins.
 */
export function startDurableHistory(config: DurableHistoryConfig): DurableHistory {
  const { port, clock, notice, factory } = config;
  const tab = config.tab ?? crypto.randomUUID();
  const presence = config.presence ?? browserTabPresence();
  const channel =
    config.channel === undefined ? broadcastHistoryChannel(config.databaseName) : config.channel;
  const writeDelay = config.writeDelay ?? 16;
  const journal = unsavedKey(config.legacyKey, tab);
  const pruneDelay = config.pruneDelay ?? 1_000;
  let limit = DEFAULT_RETENTION;
  let loaded = false;
  let clearedBeforeLoad = false;
  let pruneTimer: ReturnType<typeof setTimeout> | undefined;

  const disk = createHistoryDisk(() =>
    factory === null
      ? Promise.reject(new Error(config.unavailableReason ?? 'this browser has no IndexedDB'))
      : openHistoryDatabase(factory, config.databaseName),
  );

  const broadcast = (changes: RecordChanges & { retention?: number }): void => {
    if (channel === null) return;
    const message: HistoryMessage = { tab, ...changes };
    try {
      channel.post(message);
    } catch {
      // A page that cannot tell the others still saved: they see it on their next load.
    }
  };

  /** The trouble the person was last told of: one notice when it starts, one when it ends. */
  let troubleShown: 'full' | 'refused' | null = null;
  const onTrouble = (trouble: WriteTrouble | null): void => {
    if (trouble === null) {
      if (troubleShown === null) return;
      troubleShown = null;
      config.setStatus({ mode: 'persistent' });
      notice('info', 'Browser storage works again: the whole history is saved.');
      return;
    }
    const reason = trouble.full
      ? `storage is full: ${count(trouble.unsaved)} not saved yet`
      : trouble.reason;
    config.setStatus({ mode: 'memory-only', reason });
    const kind = trouble.full ? 'full' : 'refused';
    if (troubleShown === kind) return;
    troubleShown = kind;
    notice('warning', describeTrouble(trouble));
  };

  const writer = createHistoryWriter({
    disk: config.disk ?? disk,
    tab,
    clock,
    // A timer rather than an animation frame: frames stop in hidden pages, writes must not.
    // A backlog's further batches wait for the page to be idle (a second at most), so writing
    // it does not slow down the burst that made it.
    scheduleFlush: (flush, backlog) => {
      if (backlog && typeof requestIdleCallback === 'function') {
        requestIdleCallback(flush, { timeout: BACKLOG_WAIT_MS });
      } else setTimeout(flush, writeDelay);
    },
    retryDelay: config.retryDelay,
    onCommitted: (changes) => {
      broadcast(changes);
      schedulePrune();
      // The database that refused at load took a write: read the saved history in now.
      if (needsReading) {
        clearTimeout(readTimer);
        readTimer = undefined;
        readLater(0);
      }
    },
    onTrouble,
  });

  // Records another open page is running, by page: interrupted here once that page is gone.
  const watched = new Map<string, Set<string>>();
  const watchRunning = (owner: string, id: string): void => {
    let ids = watched.get(owner);
    if (ids === undefined) {
      const idsOfOwner = new Set<string>();
      ids = idsOfOwner;
      watched.set(owner, idsOfOwner);
      presence.whenGone(owner, () => {
        watched.delete(owner);
        void interrupt(idsOfOwner);
      });
    }
    ids.add(id);
  };

  const interrupt = async (ids: ReadonlySet<string>): Promise<void> => {
    const now = clock.now();
    const stopped: EventRecord[] = [];
    for (const id of ids) {
      const record = port.getRecord(id);
      if (record === undefined || isTerminalStatus(record.status)) continue;
      stopped.push(restoreRecord({ ...record, source: 'live' }, now));
    }
    if (stopped.length === 0) return;
    try {
      // The page may have written the real end just before it went: that copy wins on disk.
      const written = await writeIfNewer(await disk.database(), stopped, tab, now);
      port.applyExternal(written, [], false);
      broadcast({ upserted: written, removed: [], cleared: false });
    } catch {
      port.applyExternal(stopped, [], false);
    }
  };

  /** A limit set in another page (heard, or read from disk) is this page's limit too. */
  const learnRetention = (next: number): void => {
    if (next === limit) return;
    limit = next;
    config.onRetention?.(next);
    schedulePrune();
  };

  const receive = (message: HistoryMessage): void => {
    if (message.tab === tab) return;
    if (message.retention !== undefined && isRetention(message.retention)) {
      learnRetention(message.retention);
    }
    const upserted = message.upserted.map((record) => {
      if (record.source !== 'live') return record;
      if (!isTerminalStatus(record.status)) watchRunning(message.tab, record.id);
      // This page has no event object behind it: it is read-only here.
      return { ...record, source: 'restored' as const };
    });
    if (message.cleared) {
      writer.dropQueued();
      port.clearedElsewhere?.();
    }
    port.applyExternal(upserted, message.removed, message.cleared);
  };

  /** One prune at a time: each one counts what is over the limit when it starts. */
  let pruning = false;
  const schedulePrune = (): void => {
    if (pruning || pruneTimer !== undefined || port.size() <= limit) return;
    pruneTimer = setTimeout(() => {
      pruneTimer = undefined;
      pruning = true;
      void prune().finally(() => {
        pruning = false;
      });
    }, pruneDelay);
  };

  const prune = async (): Promise<void> => {
    if (port.size() <= limit) return;
    try {
      await writer.flush();
      const pruned = await pruneToRetention(await disk.database());
      learnRetention(pruned.limit);
      const ids = pruned.removed;
      if (ids.length === 0) return;
      port.applyExternal([], ids, false);
      broadcast({ upserted: [], removed: ids, cleared: false });
      notice('info', prunedMessage(ids.length, limit));
    } catch (error) {
      notice('warning', `The oldest records could not be pruned (${messageOf(error)}).`);
    }
  };

  /**
   * Saved records waiting to be put into memory. The first page goes at once, so the newest
   * rows show early; later ones are handed over {@link APPLY_BATCH} at a time, as a store may
   * pay for each hand-over with work that grows with all it holds.
   */
  let unapplied: EventRecord[] = [];
  let appliedOnce = false;
  const applyLoaded = (): void => {
    if (unapplied.length === 0 || clearedBeforeLoad) return;
    port.applyExternal(unapplied, [], false);
    unapplied = [];
    appliedOnce = true;
  };
  const applyPage = (page: SavedPage): boolean => {
    if (clearedBeforeLoad) return false;
    for (const record of page.records) unapplied.push(record);
    if (!appliedOnce || unapplied.length >= APPLY_BATCH) applyLoaded();
    for (const { tab: owner, id } of page.running) watchRunning(owner, id);
    return true;
  };

  const readIntoMemory = (legacy: StorageLike | null): void => {
    if (legacy === null) return;
    const saved = loadHistory(legacy, config.legacyKey);
    if (saved.kind === 'loaded' || saved.kind === 'partial') {
      port.applyExternal(saved.records, [], false);
    }
  };

  const hydrate = async (): Promise<void> => {
    presence.hold(tab);
    let db: HistoryDatabase;
    try {
      db = await disk.database();
    } catch (error) {
      const reason =
        factory === null
          ? (config.unavailableReason ?? messageOf(error))
          : `the browser refused to open its database (${messageOf(error)})`;
      troubleShown = 'refused';
      config.setStatus({ mode: 'memory-only', reason });
      notice(
        'warning',
        factory === null
          ? `History is kept in memory only: ${reason}. It is gone when the page closes; export the log to keep it.`
          : `History is kept in memory only for now: ${reason}. Saving is tried again; until it works, export the log to keep it.`,
      );
      // What an earlier version saved is still readable: show it, and leave it where it is.
      readIntoMemory(config.legacy);
      if (factory !== null) {
        needsReading = true;
        readLater(READ_RETRY_MS);
      }
      return;
    }
    await readIn(db);
  };

  /**
   * Reads the saved history in once the database could be opened after all (it refused at
   * load): tried again with a growing delay, and at once when a write got through.
   */
  let needsReading = false;
  let reading = false;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  const readLater = (delay: number): void => {
    if (!needsReading || reading || readTimer !== undefined) return;
    readTimer = setTimeout(() => {
      readTimer = undefined;
      reading = true;
      void disk
        .database()
        .then(async (db) => {
          needsReading = false;
          try {
            await readIn(db);
          } catch (error) {
            notice(
              'warning',
              `The saved history could not be read completely (${messageOf(error)}). What was read is shown; new records are still saved.`,
            );
          }
          applyLoaded();
          if (troubleShown === 'refused' && !writer.inTrouble()) {
            troubleShown = null;
            config.setStatus({ mode: 'persistent' });
            notice(
              'info',
              'Browser storage works again: the saved history is shown, and new records are saved.',
            );
          }
        })
        .catch(() => undefined)
        .finally(() => {
          reading = false;
          readLater(Math.min(delay * 2, MAX_READ_RETRY_MS));
        });
    }, delay);
  };

  /** Moves what localStorage holds into the database, then reads the saved history in. */
  const readIn = async (db: HistoryDatabase): Promise<void> => {
    if (config.legacy !== null) {
      try {
        await migrateLocalHistory(db, config.legacy, config.legacyKey, {
          tab,
          now: clock.now(),
          notice,
        });
      } catch (error) {
        notice(
          'warning',
          `The history saved by an earlier version could not be moved to the browser's database (${messageOf(error)}); it is left where it was and shown for this visit.`,
        );
        readIntoMemory(config.legacy);
      }
      // What pages that were closed had not written yet, dated as they left it: events still
      // running then come back interrupted.
      for (const unsaved of unsavedJournals(config.legacy, config.legacyKey)) {
        try {
          await migrateLocalHistory(db, config.legacy, unsaved.key, {
            tab: unsaved.tab,
            now: clock.now(),
            notice,
          });
        } catch (error) {
          notice(
            'warning',
            `Records a closed page kept for the database could not be moved there (${messageOf(error)}); they are left in this browser's localStorage under "${unsaved.key}".`,
          );
        }
      }
    }
    limit = await readRetention(db);
    const summary = await readSavedHistory(db, {
      limit,
      openTabs: await presence.openTabs(),
      now: () => clock.now(),
      onPage: (page) => {
        const applied = applyPage(page);
        if (applied && page.interrupted.length > 0) {
          void writeIfNewer(db, page.interrupted, tab, clock.now()).then(
            (written) => {
              broadcast({ upserted: written, removed: [], cleared: false });
            },
            () => undefined,
          );
        }
        return applied;
      },
    });
    applyLoaded();
    if (summary.unreadable > 0) {
      notice(
        'warning',
        `${count(summary.unreadable)} of the saved history could not be read (${summary.firstProblem ?? 'unknown problem'}). ${summary.unreadable === 1 ? 'It was' : 'They were'} set aside in the browser's database, not deleted; the newest set-aside rows are kept.`,
      );
    }
    if (summary.prunedIds.length > 0) {
      broadcast({ upserted: [], removed: summary.prunedIds, cleared: false });
      notice('info', prunedMessage(summary.prunedIds.length, limit));
    }
  };

  const hydrated = hydrate()
    .catch((error: unknown) => {
      notice(
        'warning',
        `The saved history could not be read completely (${messageOf(error)}). What was read is shown; new records are still saved.`,
      );
    })
    .finally(() => {
      // What was read before a failure is still shown.
      applyLoaded();
      loaded = true;
      channel?.listen(receive);
      // Without a database there is nothing to try again: history stays in memory.
      if (factory !== null) writer.start();
    });

  return {
    accept(changes) {
      if (factory === null) return;
      if (changes.cleared && !loaded) clearedBeforeLoad = true;
      // What closed pages left for the database is history too: cleared with the rest.
      if (changes.cleared && config.legacy !== null) {
        for (const unsaved of unsavedJournals(config.legacy, config.legacyKey)) {
          forgetUnsaved(config.legacy, unsaved.key);
        }
      }
      writer.accept(changes);
    },
    hydrated,
    flush: () => writer.flushAll(),
    keepUnsaved() {
      if (config.legacy === null || factory === null) return;
      const unsaved = writer.unsaved();
      if (unsaved.length === 0) forgetUnsaved(config.legacy, journal);
      else keepUnsaved(config.legacy, journal, unsaved, clock.now());
    },
    forgetUnsaved() {
      if (config.legacy !== null) forgetUnsaved(config.legacy, journal);
    },
    async whenSaved(ids, onProgress, signal) {
      let left = ids;
      for (;;) {
        if (signal?.aborted === true) return 'cancelled';
        left = left.filter((id) => writer.isUnsaved(id));
        onProgress(ids.length - left.length, ids.length);
        if (left.length === 0 || factory === null || writer.inTrouble()) return 'saved';
        await new Promise((resolve) => setTimeout(resolve, SAVED_POLL_MS));
      }
    },
    retention: () => limit,
    async setRetention(next) {
      if (!isRetention(next)) {
        return {
          ok: false,
          error: `The limit must be a whole number from ${MIN_RETENTION.toLocaleString('en')} to ${MAX_RETENTION.toLocaleString('en')}.`,
        };
      }
      try {
        await saveRetention(await disk.database(), next);
      } catch (error) {
        return { ok: false, error: `The limit could not be saved (${messageOf(error)}).` };
      }
      limit = next;
      broadcast({ upserted: [], removed: [], cleared: false, retention: next });
      schedulePrune();
      return { ok: true };
    },
    stop() {
      writer.stop();
      needsReading = false;
      clearTimeout(readTimer);
      clearTimeout(pruneTimer);
      channel?.close();
    },
  };
}

function count(records: number): string {
  return records === 1 ? '1 record' : `${records.toLocaleString('en')} records`;
}

function prunedMessage(pruned: number, limit: number): string {
  return `${count(pruned)} pruned: the history keeps the newest ${limit.toLocaleString('en')} (the limit is set in the Keep panel). Export the log first to keep older ones.`;
}

function describeTrouble(trouble: WriteTrouble): string {
  if (!trouble.full) {
    return `History is kept in memory only for now: ${trouble.reason}. Saving is tried again; until it works, export the log to keep it.`;
  }
  const imported =
    trouble.unsavedImported > 0
      ? ` ${count(trouble.unsavedImported)} of them came from an imported log: your own history is saved first, and nothing saved was removed to make room.`
      : ' Nothing saved was removed to make room.';
  return `Browser storage is full: ${count(trouble.unsaved)} kept in memory only for now.${imported} Saving is tried again; export the log, or clear old history, to keep them.`;
}

const DEFAULT_HISTORY_DATABASE = 'lifecycle-lab-history';

/** Longest wait for an idle moment before the next batch of a backlog is written anyway. */
const BACKLOG_WAIT_MS = 1_000;

/** Milliseconds before a database that refused at load is opened again; doubles up to a minute. */
const READ_RETRY_MS = 2_000;
const MAX_READ_RETRY_MS = 60_000;

/** How often `whenSaved` looks at what is still to be written. */
const SAVED_POLL_MS = 100;

/** Saved records put into memory at once while the history is read in (see `applyPage`). */
const APPLY_BATCH = 2_000;

/**
 * {@link startDurableHistory} for a store made with `options`: the browser's IndexedDB and
 * `localStorage` unless the options name others.
 */
export function startStoreHistory(
  options: EventStoreOptions & {
    port: RecordsPort;
    clock: Clock;
    notice: DurableHistoryConfig['notice'];
    setStatus: DurableHistoryConfig['setStatus'];
    onRetention?: DurableHistoryConfig['onRetention'];
  },
): DurableHistory {
  const database = browserDatabase(options.indexedDB);
  return startDurableHistory({
    ...options.historyHooks,
    port: options.port,
    factory: database.factory,
    unavailableReason: database.reason,
    databaseName: options.historyName ?? DEFAULT_HISTORY_DATABASE,
    legacy: legacyStorage(options.storage),
    legacyKey: options.storageKey ?? DEFAULT_STORAGE_KEY,
    clock: options.clock,
    notice: options.notice,
    setStatus: options.setStatus,
    onRetention: options.onRetention,
    writeDelay: options.persistDelay,
  });
}

function browserDatabase(given: IDBFactory | null | undefined): {
  factory: IDBFactory | null;
  reason?: string;
} {
  if (given !== undefined) {
    return given === null
      ? { factory: null, reason: 'IndexedDB is turned off' }
      : { factory: given };
  }
  try {
    const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (factory === undefined) return { factory: null, reason: 'this browser has no IndexedDB' };
    return { factory };
  } catch (error) {
    return { factory: null, reason: `the browser blocks storage (${messageOf(error)})` };
  }
}

function legacyStorage(given: StorageLike | null | undefined): StorageLike | null {
  if (given !== undefined) return given;
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage ?? null;
  } catch {
    return null;
  }
}
