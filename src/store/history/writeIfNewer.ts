import type { EventRecord } from '../eventRecord';
import { createdMs } from '../createdMs';
import type { HistoryDatabase } from './historyDatabase';
import { isNewerRecord } from './isNewerRecord';

/**
 * Writes each record unless the database holds a copy at least as new (`isNewerRecord`), in
 * one transaction, so a copy made here never overwrites what its own page wrote later, such as
 * an interruption written after the page reported the event's real end. Returns the records
 * written.
 */
export async function writeIfNewer(
  db: HistoryDatabase,
  records: readonly EventRecord[],
  tab: string,
  now: number,
): Promise<EventRecord[]> {
  const tx = db.transaction('records', 'readwrite');
  const written: EventRecord[] = [];
  const writes = records.map(async (record) => {
    const saved = await tx.store.get(record.id);
    const current = saved?.record;
    // A row too damaged to compare is replaced by the good copy.
    const comparable = current !== undefined && Array.isArray(current.transitions);
    if (comparable && !isNewerRecord(record, current)) return;
    written.push(record);
    await tx.store.put({ id: record.id, at: createdMs(record), savedAt: now, tab, record });
  });
  await Promise.all([...writes, tx.done]);
  return written;
}
