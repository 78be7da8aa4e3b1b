import type { Clock } from '../lib';
import type { EventRecord } from './eventRecord';
import { historyShape, MAX_STORED_RECORDS, recordJson, serializeHistory } from './formats/history';
import { writeInSlices } from './formats/writeInSlices';
import { isQuotaError } from './isQuotaError';
import { historyReader, launchChecks } from './lazySchemas';
import { messageOf } from './messageOf';
import type { LoadResult } from './persistence';
import { setAsideCopy } from './setAsideCopies';
import type { EventStore, Notice, StorageLike, StorageStatus } from './types';

/** Below this many records, storage that is full is given up on. */
const MIN_STORED_RECORDS = 50;

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
  const write = (target: StorageLike, list: readonly EventRecord[], text: string | null): void => {
    // When storage is full, keep the newest half, and again, before giving up on it.
    for (let limit = list.length; ; limit = Math.floor(limit / 2)) {
      try {
        target.setItem(
          storageKey,
          text !== null && limit === list.length
            ? text
            : serializeHistory(list.slice(0, limit), clock.now()),
        );
        if (limit < list.length) {
          storedLimit = limit;
          addNotice(
            'warning',
            `Browser storage is nearly full: only the newest ${limit} records are saved from now on. Export the log to keep them all.`,
          );
        }
        return;
      } catch (error) {
        if (isQuotaError(error) && limit > MIN_STORED_RECORDS) continue;
        if (isQuotaError(error)) {
          goMemoryOnly(
            'storage is full',
            'History is now kept in memory only: the browser storage is full. Export the log to keep it, or clear the history.',
          );
        } else {
          goMemoryOnly(
            `storage cannot be written (${messageOf(error)})`,
            `History is now kept in memory only: the browser refused to save it (${messageOf(error)}). Export the log to keep it.`,
          );
        }
        return;
      }
    }
  };

  /** Adds stored records after the ones made before hydration, which are newer. */
  const merge = (loaded: readonly EventRecord[]): void => {
    if (discardStored) return;
    store.records.adopt(loaded, 'older');
  };

  const read = async (candidate: StorageLike): Promise<void> => {
    let loaded: LoadResult;
    try {
      // Restored records can be retried fresh, which takes their kind's schema.
      const [{ loadHistory }] = await Promise.all([historyReader.load(), launchChecks.load()]);
      loaded = loadHistory(candidate, storageKey);
    } catch (error) {
      goMemoryOnly(
        `the saved history could not be read (${messageOf(error)})`,
        `History is kept in memory only: the code that reads the saved history could not be loaded (${messageOf(error)}). Reload the page to try again.`,
      );
      return;
    }
    storage = candidate;
    switch (loaded.kind) {
      case 'empty':
        return;
      case 'unavailable':
        goMemoryOnly(
          loaded.reason,
          `History is kept in memory only and will be lost on reload: ${loaded.reason}.`,
        );
        return;
      case 'corrupted': {
        let aside: string;
        try {
          aside = setAsideCopy(storage, storageKey, loaded.raw, clock.now());
          storage.removeItem(storageKey);
        } catch (error) {
          goMemoryOnly(
            `saved history is unreadable and could not be set aside (${messageOf(error)})`,
            `Saved history could not be read (${loaded.reason}) and could not be set aside, so it is left untouched and history is kept in memory only.`,
          );
          return;
        }
        addNotice(
          'warning',
          `Saved history could not be read (${loaded.reason}). It was set aside under "${aside}" and the dashboard started with an empty history.`,
        );
        return;
      }
      case 'partial':
      case 'loaded': {
        merge(loaded.records);
        if (loaded.kind === 'partial') {
          let aside: string;
          try {
            aside = setAsideCopy(storage, storageKey, loaded.raw, clock.now());
          } catch (error) {
            goMemoryOnly(
              `saved history is partly unreadable and could not be set aside (${messageOf(error)})`,
              `Part of the saved history could not be read (${loaded.reason}) and could not be set aside, so it is left untouched and history is kept in memory only.`,
            );
            return;
          }
          addNotice(
            'warning',
            `Part of the saved history could not be read: ${loaded.reason}. A copy of the saved data is kept under "${aside}".`,
          );
        }
        return;
      }
    }
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
