import { unwrap } from 'idb';
import { openHistoryDatabase, type HistoryDatabase, type StoredRow } from './historyDatabase';

/** Where the writer puts rows; a test can hand in one that fails as browsers fail. */
export interface HistoryDisk {
  /**
   * Applies a clear, then removals, then rows, in ONE transaction; rejects when it aborted.
   * With `enough`, asked after each row put, it stops putting rows once that says so (at
   * least one row is put): the rows written are the first ones, and it resolves to how many.
   */
  write(
    rows: readonly StoredRow[],
    removed: readonly string[],
    cleared: boolean,
    enough?: () => boolean,
  ): Promise<number>;
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
    async write(rows, removed, cleared, enough) {
      const db = await database();
      let tx;
      try {
        tx = db.transaction('records', 'readwrite');
      } catch (error) {
        // A connection closed under us (versionchange) throws here: open a new one next time.
        connection = null;
        throw error;
      }
      // The plain store, not idb's wrapper: a promise per request would cost more than the
      // put itself in a burst. A failed request aborts the transaction, so `tx.done` rejects.
      const store = unwrap(tx.store);
      if (cleared) store.clear();
      for (const id of removed) store.delete(id);
      let written = 0;
      for (const row of rows) {
        store.put(row);
        written += 1;
        if (enough?.() === true) break;
      }
      // Nothing more goes in this transaction: ask for the commit now rather than when the
      // browser notices (browsers before 2021 have no `commit`, and commit on their own).
      const raw: Partial<Pick<IDBTransaction, 'commit'>> = unwrap(tx);
      raw.commit?.();
      await tx.done;
      return written;
    },
  };
}

/** Opens the history database of `factory` named `name`. */
export function historyOpener(factory: IDBFactory, name: string): () => Promise<HistoryDatabase> {
  return () => openHistoryDatabase(factory, name);
}
