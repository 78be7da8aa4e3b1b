import type { Clock } from '../lib';
import type { EventRecord } from './eventRecord';
import { historyShape, MAX_STORED_RECORDS, recordJson } from './formats/history';
import { writeInSlices } from './formats/writeInSlices';
import { historyReader, launchChecks } from './lazySchemas';
import { messageOf } from './messageOf';
import type { applySavedHistory } from './applySavedHistory';
import type { writeHistory } from './writeHistory';
import type { LoadResult } from './persistence';
import type { EventStore, Notice, StorageLike, StorageStatus } from './types';

export interface Persister {
  /**
   * Reads the saved history in, after the schemas that check it were fetched, and merges it
   * under the records made in the meantime. Resolves once `hydrated` is `true`; never rejects.
   */
  hydrate(): Promise<void>;
  saveNow(): void;
  /** Writes the empty history, or, before hydration, makes it forget the saved one. */
  clear(): void;
}

/** Histories of more records than this are written in slices (see `saveSoon`). */
const SLICED_SAVE_FROM = 500;

/**
 * Storage work of one store: history read in after creation, throttled writes after the
 * records change (it listens to them). Nothing is written before the saved history was
 * read, so it cannot be overwritten.
 */
export function createPersister(
  store: EventStore,
  config: {
    storage: StorageLike | null | undefined;
    storageKey: string;
    persistDelay: number;
    clock: Clock;
    notice: (level: Notice['level'], message: string) => void;
  },
): Persister {
  const { storageKey, persistDelay, clock } = config;
  /** Where history is written; `null` until hydration and when memory-only. */
  let storage: StorageLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hydrated = false;
  /** Something asked for a write before hydration: write once hydrated. */
  let saveAfterHydration = false;
  /** `clear()` came before hydration: the saved history is not merged in. */
  let discardStored = false;

  const addNotice = config.notice;

  const goMemoryOnly = (reason: string, message: string | null): void => {
    storage = null;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const status: StorageStatus = { mode: 'memory-only', reason };
    store.setState({ storage: status });
    if (message !== null) addNotice('warning', message);
  };

  /** Most records to write; lowered when storage turns out to hold fewer. */
  let storedLimit = MAX_STORED_RECORDS;

  /** The newest records to write, newest first. */
  const recordsToSave = (): EventRecord[] => {
    const { records } = store;
    const list: EventRecord[] = [];
    const count = Math.min(storedLimit, records.order.length);
    for (let index = 0; index < count; index++) {
      const id = records.order.at(index);
      const record = id === undefined ? undefined : records.get(id);
      if (record !== undefined) list.push(record);
    }
    return list;
  };

  /** Bumped by every save and clear, so a sliced save overtaken by another one is dropped. */
  let saveGeneration = 0;

  const saveNow = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    saveGeneration += 1;
    if (!hydrated) saveAfterHydration = true;
    if (storage === null) return;
    write(storage, recordsToSave(), null);
  };

  /**
   * The throttled save. A large history is turned into text in slices (each record's JSON is
   * remembered, so only records that changed since the last save cost anything), and only the
   * one `setItem` runs in a task of its own.
   */
  const saveSoon = (): void => {
    timer = undefined;
    if (storage === null) return;
    const list = recordsToSave();
    if (list.length < SLICED_SAVE_FROM) {
      saveNow();
      return;
    }
    saveGeneration += 1;
    const generation = saveGeneration;
    const savedAt = clock.now();
    void writeInSlices(list, recordJson, historyShape(savedAt)).then((parts) => {
      if (generation !== saveGeneration || storage === null) return;
      write(storage, list, parts.join(''));
    });
  };

  /** Writes `list` (as `text` when given); when storage is full, fewer, then memory-only. */
  /** Writes history; fetched with the history reader, before storage is ever written. */
  let writer: typeof writeHistory | null = null;

  /** Writes `list` (as `text` when given); when storage is full, fewer, then memory-only. */
  const write = (target: StorageLike, list: readonly EventRecord[], text: string | null): void => {
    writer?.(target, list, text, {
      storageKey,
      clock,
      goMemoryOnly,
      addNotice,
      lowerLimit: (limit) => {
        storedLimit = limit;
      },
    });
  };

  /** Adds stored records after the ones made before hydration, which are newer. */
  const merge = (loaded: readonly EventRecord[]): void => {
    if (discardStored) return;
    store.records.adopt(loaded, 'older');
  };

  const read = async (candidate: StorageLike): Promise<void> => {
    let loaded: LoadResult;
    let applyLoaded: typeof applySavedHistory;
    try {
      // Restored records can be retried fresh, which takes their kind's schema.
      const [{ loadHistory }, , applying, writing] = await Promise.all([
        historyReader.load(),
        launchChecks.load(),
        import('./applySavedHistory'),
        import('./writeHistory'),
      ]);
      loaded = loadHistory(candidate, storageKey);
      applyLoaded = applying.applySavedHistory;
      writer = writing.writeHistory;
    } catch (error) {
      goMemoryOnly(
        `the saved history could not be read (${messageOf(error)})`,
        `History is kept in memory only: the code that reads the saved history could not be loaded (${messageOf(error)}). Reload the page to try again.`,
      );
      return;
    }
    storage = candidate;
    applyLoaded(loaded, candidate, { storageKey, clock, goMemoryOnly, addNotice, merge });
  };

  const schedule = (): void => {
    if (!hydrated) saveAfterHydration = true;
    if (storage === null || timer !== undefined) return;
    timer = setTimeout(saveSoon, persistDelay);
  };

  const finishHydration = (): void => {
    hydrated = true;
    store.setState({ hydrated: true });
    if (discardStored) saveNow();
    else if (saveAfterHydration) schedule();
  };

  store.records.subscribeChanges(schedule);

  return {
    hydrate() {
      const resolved = resolveStorage(config.storage);
      if (resolved.storage === null) {
        goMemoryOnly(resolved.reason, resolved.notice);
        finishHydration();
        return Promise.resolve();
      }
      return read(resolved.storage).then(finishHydration);
    },
    saveNow,
    clear() {
      if (!hydrated) discardStored = true;
      saveNow();
    },
  };
}

/** Where history goes: the given storage, `localStorage` when usable, or nowhere and why. */
function resolveStorage(
  given: StorageLike | null | undefined,
): { storage: StorageLike } | { storage: null; reason: string; notice: string | null } {
  if (given === null) return { storage: null, reason: 'storage is turned off', notice: null };
  if (given !== undefined) return { storage: given };
  try {
    const local = (globalThis as { localStorage?: StorageLike }).localStorage;
    if (local === undefined) {
      return { storage: null, reason: 'this environment has no localStorage', notice: null };
    }
    return { storage: local };
  } catch (error) {
    const reason = `the browser blocks storage (${messageOf(error)})`;
    return {
      storage: null,
      reason,
      notice: `History is kept in memory only and will be lost on reload: ${reason}.`,
    };
  }
}
