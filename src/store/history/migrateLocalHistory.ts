import { messageOf } from '../messageOf';
import { loadHistory } from '../persistence';
import { setAsideCopy } from '../setAsideCopies';
import type { Notice, StorageLike } from '../types';
import type { HistoryDatabase } from './historyDatabase';
import { writeIfNewer } from './writeIfNewer';

/**
 * Moves the history earlier versions kept in `localStorage` (one versioned key, see
 * `../formats/history`) into the database: every readable record is written in one
 * transaction, and the key is removed only once that transaction committed. Unreadable data
 * is set aside under its own key first, as it always was. A record the database already
 * holds is replaced only by a newer copy.
 */
export async function migrateLocalHistory(
  db: HistoryDatabase,
  legacy: StorageLike,
  key: string,
  context: { tab: string; now: number; notice: (level: Notice['level'], message: string) => void },
): Promise<void> {
  const { now, notice } = context;
  const loaded = loadHistory(legacy, key);
  if (loaded.kind === 'empty' || loaded.kind === 'unavailable') return;
  if (loaded.kind === 'corrupted') {
    try {
      const aside = setAsideCopy(legacy, key, loaded.raw, now);
      legacy.removeItem(key);
      notice(
        'warning',
        `Saved history could not be read (${loaded.reason}). It was set aside under "${aside}" and the dashboard started with an empty history.`,
      );
    } catch (error) {
      notice(
        'warning',
        `Saved history could not be read (${loaded.reason}) and could not be set aside (${messageOf(error)}), so it is left untouched.`,
      );
    }
    return;
  }
  await writeIfNewer(db, loaded.records, context.tab, now);
  if (loaded.kind === 'partial') {
    try {
      const aside = setAsideCopy(legacy, key, loaded.raw, now);
      notice(
        'warning',
        `Part of the saved history could not be read: ${loaded.reason}. A copy of the saved data is kept under "${aside}".`,
      );
    } catch (error) {
      notice(
        'warning',
        `Part of the saved history could not be read (${loaded.reason}) and could not be set aside (${messageOf(error)}), so it is left where it was.`,
      );
      return;
    }
  }
  legacy.removeItem(key);
}
