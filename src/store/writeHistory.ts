import type { Clock } from '../lib';
import type { EventRecord } from './eventRecord';
import { serializeHistory } from './formats/history';
import { isQuotaError } from './isQuotaError';
import { messageOf } from './messageOf';
import type { Notice, StorageLike } from './types';

/** Below this many records, storage that is full is given up on. */
const MIN_STORED_RECORDS = 50;

/** What {@link writeHistory} acts through: the persister's own steps. */
export interface HistoryWriteTarget {
  storageKey: string;
  clock: Clock;
  goMemoryOnly: (reason: string, message: string | null) => void;
  addNotice: (level: Notice['level'], message: string) => void;
  /** Storage held only the newest `limit` records: write no more from now on. */
  lowerLimit: (limit: number) => void;
}

/**
 * Writes `list` (newest first) to `target`, as `text` when it was serialized already. When
 * storage is full it keeps the newest half, and again, before giving up on storage and going
 * memory-only, saying so each time. Fetched with the history reader, after the first render.
 */
export function writeHistory(
  target: StorageLike,
  list: readonly EventRecord[],
  text: string | null,
  { storageKey, clock, goMemoryOnly, addNotice, lowerLimit }: HistoryWriteTarget,
): void {
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
        lowerLimit(limit);
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
}
