import type { Clock } from '../lib';
import type { EventRecord } from './eventRecord';
import { messageOf } from './messageOf';
import type { LoadResult } from './persistence';
import { setAsideCopy } from './setAsideCopies';
import type { Notice, StorageLike } from './types';

/** What {@link applySavedHistory} acts through: the persister's own steps. */
export interface SavedHistoryTarget {
  storageKey: string;
  clock: Clock;
  goMemoryOnly: (reason: string, message: string | null) => void;
  addNotice: (level: Notice['level'], message: string) => void;
  merge: (records: readonly EventRecord[]) => void;
}

/**
 * What the persister does with the saved history once read: merges what is readable, sets
 * unreadable data aside under a key of its own and says so, or goes memory-only when it
 * cannot. Fetched with the history reader, after the first render.
 */
export function applySavedHistory(
  loaded: LoadResult,
  target: StorageLike,
  { storageKey, clock, goMemoryOnly, addNotice, merge }: SavedHistoryTarget,
): void {
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
        aside = setAsideCopy(target, storageKey, loaded.raw, clock.now());
        target.removeItem(storageKey);
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
          aside = setAsideCopy(target, storageKey, loaded.raw, clock.now());
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
}
