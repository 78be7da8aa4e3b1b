import type { HistoryDatabase } from './historyDatabase';
import { DEFAULT_RETENTION, isRetention } from './retentionLimits';

const RETENTION_KEY = 'retention';

/** The limit saved in the database, or the default. */
export async function readRetention(db: HistoryDatabase): Promise<number> {
  const saved = await db.get('settings', RETENTION_KEY);
  return isRetention(saved) ? saved : DEFAULT_RETENTION;
}

export async function saveRetention(db: HistoryDatabase, limit: number): Promise<void> {
  await db.put('settings', limit, RETENTION_KEY);
}
