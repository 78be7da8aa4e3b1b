import { openHistoryDatabase, type HistoryDatabase, type StoredRow } from './historyDatabase';

/** Where the writer puts rows; a test can hand in one that fails as browsers fail. */
export interface HistoryDisk {
  /** Applies a clear, then removals, then rows, in ONE transaction; rejects when it aborted. */
  write(rows: readonly StoredRow[], removed: readonly string[], cleared: boolean): Promise<void>;
}

/**
 * A {@link HistoryDisk} over the history database. The connection is opened on first use and
 * opened again after the browser closed it (storage cleared, a schema upgrade elsewhere), so a
 * write that failed can succeed on a later try.
 */
export function createHistoryDisk(
  open: () => Promise<HistoryDatabase>,
  initial: HistoryDatabase | null = null,
): HistoryDisk & { database(): Promise<HistoryDatabase> } {
  let connection: Promise<HistoryDatabase> | null =
    initial === null ? null : Promise.resolve(initial);
  const database = (): Promise<HistoryDatabase> => {
    connection ??= open().then((db) => {
      db.addEventListener('close', () => {
        connection = null;
      });
      return db;
    });
    const current = connection;
    return current.catch((error: unknown) => {
      if (connection === current) connection = null;
      throw error;
    });
  };
  return {
    database,
    async write(rows, removed, cleared) {
      const db = await database();
      let tx;
      try {
        tx = db.transaction('records', 'readwrite');
      } catch (error) {
        // A connection closed under us (versionchange) throws here: open a new one next time.
        connection = null;
        throw error;
      }
      const requests: Promise<unknown>[] = [];
      if (cleared) requests.push(tx.store.clear());
      for (const id of removed) requests.push(tx.store.delete(id));
      for (const row of rows) requests.push(tx.store.put(row));
      // Every request is awaited with the transaction, so a failed one is never unhandled.
      await Promise.all([...requests, tx.done]);
    },
  };
}

/** Opens the history database of `factory` named `name`. */
export function historyOpener(factory: IDBFactory, name: string): () => Promise<HistoryDatabase> {
  return () => openHistoryDatabase(factory, name);
}
