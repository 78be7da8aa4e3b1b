import type { HistoryDatabase } from './historyDatabase';
import { DEFAULT_RETENTION, isRetention } from './retentionLimits';

const RETENTION_KEY = 'retention';

/** The limit saved in the database, or the default. */
export async function readRetention(db: HistoryDatabase): Promise<number> {
  const saved = await db.get('settings', RETENTION_KEY);
  return isRetention(saved) ? saved : DEFAULT_RETENTION;
}

/**
 * Removes the oldest rows beyond the limit saved in the database, counting the rows on disk,
 * in one transaction: pages pruning at the same time take turns, and the later one finds
 * nothing left to remove (counting its own records in memory, two pages removed twice as
 * many, down to none). Returns the ids removed and the limit it pruned to.
 */
export async function pruneToRetention(
  db: HistoryDatabase,
): Promise<{ removed: string[]; limit: number }> {
  const tx = db.transaction(['records', 'settings'], 'readwrite');
  const saved = await tx.objectStore('settings').get(RETENTION_KEY);
  const limit = isRetention(saved) ? saved : DEFAULT_RETENTION;
  const records = tx.objectStore('records');
  const excess = (await records.count()) - limit;
  const removed = excess > 0 ? await records.index('newest').getAllKeys(null, excess) : [];
  await Promise.all([...removed.map((id) => records.delete(id)), tx.done]);
  return { removed, limit };
}

export async function saveRetention(db: HistoryDatabase, limit: number): Promise<void> {
  await db.put('settings', limit, RETENTION_KEY);
}
