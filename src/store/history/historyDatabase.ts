import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { EventRecord } from '../eventRecord';

/** One saved record and what loading it back needs to know. */
export interface StoredRow {
  id: string;
  /** When the event was created (epoch ms): the history is read newest first by it. */
  at: number;
  /** When this row was written (epoch ms): an interruption is dated no later than this. */
  savedAt: number;
  /** The page that wrote it: its running events are interrupted once that page is gone. */
  tab: string;
  record: EventRecord;
}

/** A row that could not be read, kept rather than destroyed. */
export interface SetAsideRow {
  setAsideAt: number;
  reason: string;
  row: unknown;
}

interface HistorySchema extends DBSchema {
  records: { key: string; value: StoredRow; indexes: { newest: [number, string] } };
  setAside: { key: number; value: SetAsideRow };
  settings: { key: string; value: unknown };
}

export type HistoryDatabase = IDBPDatabase<HistorySchema>;

const HISTORY_DATABASE_VERSION = 1;

/**
 * Opens (and on first use creates) the history database: `records` keyed by record id with
 * the `newest` index by creation time, `setAside` for rows that could not be read, and
 * `settings`. Rejects when the browser refuses it (disabled storage, private mode) or when an
 * older page keeps it open with an older schema for `blockedAfterMs`.
 */
export async function openHistoryDatabase(
  factory: IDBFactory,
  name: string,
  blockedAfterMs = 3_000,
): Promise<HistoryDatabase> {
  const request = factory.open(name, HISTORY_DATABASE_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains('records')) {
      db.createObjectStore('records', { keyPath: 'id' }).createIndex('newest', ['at', 'id']);
    }
    if (!db.objectStoreNames.contains('setAside')) {
      db.createObjectStore('setAside', { autoIncrement: true });
    }
    if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
  };
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    request.onblocked = () => {
      blockedTimer = setTimeout(() => {
        reject(new Error('another tab keeps an older version of the history open'));
      }, blockedAfterMs);
    };
  });
  try {
    const db = (await Promise.race([wrap(request), blocked])) as HistoryDatabase;
    // Another page upgrading the schema asks this one to step aside rather than wait forever.
    db.addEventListener('versionchange', () => {
      db.close();
    });
    return db;
  } finally {
    clearTimeout(blockedTimer);
  }
}
