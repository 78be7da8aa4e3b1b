import { createdMs } from '../createdMs';
import type { EventRecord } from '../eventRecord';
import { MAX_STORED_RECORDS, serializeHistory } from '../formats/history';
import { isQuotaError } from '../isQuotaError';
import type { StorageLike } from '../types';

/**
 * The records a closing page had not written to the database yet, kept in `localStorage`.
 *
 * A page that is being closed cannot count on IndexedDB: Chromium drops the transactions a
 * closing page started, so a burst that ended just before the tab was closed was lost (1,076
 * of 2,000 records, measured). `localStorage` is written synchronously, within `pagehide`.
 * The journal uses the format earlier versions saved history in (`../formats/history`), one
 * key per page, and the next page to load moves it into the database like that history:
 * records that were still running come back interrupted.
 */

/** The key of the journal page `tab` writes when it closes. */
export function unsavedKey(base: string, tab: string): string {
  return `${base}:unsaved:${tab}`;
}

/**
 * Writes `records` to the page's journal, as many as fit (localStorage holds about 5 MB an
 * origin): the person's own records before imported ones, newest first, at most
 * {@link MAX_STORED_RECORDS}. Returns how many were kept; never throws.
 */
export function keepUnsaved(
  storage: StorageLike,
  key: string,
  records: readonly EventRecord[],
  now: number,
): number {
  const ordered = [...records].sort(
    (a, b) =>
      Number(a.source === 'imported') - Number(b.source === 'imported') ||
      createdMs(b) - createdMs(a),
  );
  for (let count = Math.min(ordered.length, MAX_STORED_RECORDS); count > 0; count >>= 1) {
    try {
      storage.setItem(key, serializeHistory(ordered.slice(0, count), now));
      return count;
    } catch (error) {
      if (!isQuotaError(error)) return 0;
    }
  }
  return 0;
}

/** Removes a journal; never throws. */
export function forgetUnsaved(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage that cannot be written holds no journal either.
  }
}

/** The journals closed pages left, with the page each came from. */
export function unsavedJournals(
  storage: StorageLike,
  base: string,
): { key: string; tab: string }[] {
  const prefix = `${base}:unsaved:`;
  const found: { key: string; tab: string }[] = [];
  try {
    const length = storage.length ?? 0;
    for (let index = 0; index < length; index++) {
      const key = storage.key?.(index) ?? null;
      if (key?.startsWith(prefix) === true) found.push({ key, tab: key.slice(prefix.length) });
    }
  } catch {
    // Storage that cannot be listed: nothing to move.
  }
  return found;
}
