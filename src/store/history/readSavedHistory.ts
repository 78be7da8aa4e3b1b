import { EventStatus } from '../../lib';
import type { EventRecord } from '../eventRecord';
import { restoreRecord } from '../persistence';
import { describeIssues, eventRecordSchema } from '../recordSchema';
import { yieldToBrowser } from '../yieldToBrowser';
import type { HistoryDatabase, StoredRow } from './historyDatabase';

/**
 * Rows read per transaction after the first: two batched requests each, then every record is
 * checked and handed over before the next page is read. Chromium hands a page's rows to the
 * request's success callback in one task (some 24 ms of CPU for 1,000 of them, as traced by
 * `RELOAD_BENCH_TRACE=samples npm run bench:reload`): 500 halves it. In turns, everything
 * was listed in 10.1 and 11.6 s with 500 against 9.6 and 11.7 s with 1,000.
 */
export const READ_PAGE_SIZE = 500;

/**
 * Main-thread time spent checking a page's records before the checked ones are handed over
 * and the browser gets a turn: a page is cut where this runs out.
 */
export const PAGE_SLICE_MS = 8;

/** Rows of the first page: few, so the newest records show at once. */
export const FIRST_PAGE_SIZE = 250;

/** Rows that could not be read and are kept aside; older ones are dropped past this many. */
export const SET_ASIDE_ROWS_KEPT = 50;

/** One page of saved records as they come back. */
export interface SavedPage {
  /** Newest first. */
  records: EventRecord[];
  /** Records of pages gone away that were running: now `cancelled`, to be written back. */
  interrupted: EventRecord[];
  /** Records still running in another open page, by that page. */
  running: { tab: string; id: string }[];
}

export interface ReadSummary {
  loaded: number;
  /** Rows set aside because they could not be read, and the first problem in words. */
  unreadable: number;
  firstProblem: string | null;
  /** Ids of the oldest records removed because the history holds more than the limit. */
  prunedIds: string[];
}

/**
 * Reads the saved history newest first, in pages of {@link READ_PAGE_SIZE} rows, yielding to
 * the browser between pages, and within a page every {@link PAGE_SLICE_MS}, so no task grows
 * long; `onPage` gets the records of each slice. Each record is checked; one that fails
 * is moved to the `setAside` store (not destroyed), with its reason. Records beyond `limit`
 * are the oldest and are removed. `onPage` returning `false` stops the read (history cleared).
 */
export async function readSavedHistory(
  db: HistoryDatabase,
  options: {
    limit: number;
    openTabs: ReadonlySet<string>;
    now: () => number;
    onPage: (page: SavedPage) => boolean;
    pause?: () => Promise<void>;
    /** Milliseconds, to measure a slice's work by (`performance.now` unless given). */
    elapsed?: () => number;
  },
): Promise<ReadSummary> {
  const pause = options.pause ?? yieldToBrowser;
  const elapsed = options.elapsed ?? (() => performance.now());
  const summary: ReadSummary = {
    loaded: 0,
    unreadable: 0,
    firstProblem: null,
    prunedIds: [],
  };
  let after: IndexKey | null = null;
  for (let first = true; ; first = false) {
    const wanted = Math.min(
      first ? FIRST_PAGE_SIZE : READ_PAGE_SIZE,
      options.limit - summary.loaded,
    );
    const chunk = await readChunk(db, after, wanted);
    let page = emptyPage();
    const unreadable: { key: string; row: unknown; reason: string }[] = [];
    let sliceStarted = elapsed();
    for (let i = 0; i < chunk.rows.length; i += 1) {
      const row = chunk.rows[i];
      const problem = takeRow(row, page, options.openTabs);
      if (problem !== null) unreadable.push({ key: chunk.keys[i] ?? '', row, reason: problem });
      // Checking a page of records took longer than a frame on a busy machine: what is
      // checked goes to the list, and the rest waits for the next task.
      if (i < chunk.rows.length - 1 && elapsed() - sliceStarted >= PAGE_SLICE_MS) {
        summary.loaded += page.records.length;
        if (!options.onPage(page)) return summary;
        await pause();
        page = emptyPage();
        sliceStarted = elapsed();
      }
    }
    after = chunk.oldest ?? after;
    summary.loaded += page.records.length;
    if (unreadable.length > 0) {
      summary.unreadable += unreadable.length;
      summary.firstProblem ??= unreadable[0]?.reason ?? null;
      await setAside(db, unreadable, options.now());
    }
    if (!options.onPage(page)) return summary;
    if (!chunk.more) break;
    if (summary.loaded >= options.limit && after !== null) {
      summary.prunedIds = await removeOlderThan(db, after);
      break;
    }
    await pause();
  }
  // Rows whose creation time is missing are not in the index: find them by key.
  const strays = await unindexedRows(db);
  if (strays.length > 0) {
    summary.unreadable += strays.length;
    summary.firstProblem ??= strays[0]?.reason ?? null;
    await setAside(db, strays, options.now());
  }
  return summary;
}

type IndexKey = [number, string];

function emptyPage(): SavedPage {
  return { records: [], interrupted: [], running: [] };
}

/** Rows of one page, newest first, with their primary keys. */
interface Chunk {
  rows: unknown[];
  keys: string[];
  /** The index key of the oldest row read; `null` when the page reached the end. */
  oldest: IndexKey | null;
  /** Whether older rows are left to read. */
  more: boolean;
}

/**
 * Reads up to `count` rows older than the index key `after` (all when `null`) in one
 * transaction. `getAll` only walks forward, so a key cursor going backwards first finds the
 * oldest key of the page (`advance` skips rows without reading them); the page is then two
 * batched requests on the key range between, instead of one request per row.
 */
async function readChunk(
  db: HistoryDatabase,
  after: IndexKey | null,
  count: number,
): Promise<Chunk> {
  const tx = db.transaction('records', 'readonly');
  const index = tx.store.index('newest');
  const newer = after === null ? null : IDBKeyRange.upperBound(after, true);
  let cursor = await index.openKeyCursor(newer, 'prev');
  if (cursor !== null && count > 1) cursor = await cursor.advance(count - 1);
  const oldest = cursor === null ? null : cursor.key;
  const more = cursor !== null && (await cursor.continue()) !== null;
  const range = oldest === null ? newer : pageRange(oldest, after);
  const [rows, keys] = await Promise.all([
    index.getAll(range, count),
    index.getAllKeys(range, count),
    tx.done,
  ]);
  return { rows: rows.reverse(), keys: keys.reverse(), oldest, more };
}

/** Index keys from `oldest` (included) up to `after` (excluded; no bound when `null`). */
function pageRange(oldest: IndexKey, after: IndexKey | null): IDBKeyRange {
  return after === null
    ? IDBKeyRange.lowerBound(oldest)
    : IDBKeyRange.bound(oldest, after, false, true);
}

/** Adds a row's record to `page`; returns why it cannot be read, or `null`. */
function takeRow(value: unknown, page: SavedPage, openTabs: ReadonlySet<string>): string | null {
  if (!isRow(value)) return 'it is not a saved record';
  const parsed = eventRecordSchema.safeParse(value.record);
  if (!parsed.success) return describeIssues(parsed.error, `record ${value.id}`, 1);
  const record = parsed.data;
  if (record.id !== value.id) return `record ${value.id} holds the record ${record.id}`;
  const running =
    record.source === 'live' &&
    (record.status === EventStatus.PENDING || record.status === EventStatus.PROCESSING);
  if (running && openTabs.has(value.tab)) {
    // Still running in another open page: shown read-only here until that page reports its end.
    page.records.push({ ...record, source: 'restored' });
    page.running.push({ tab: value.tab, id: record.id });
    return null;
  }
  const restored = restoreRecord(record, value.savedAt);
  page.records.push(restored);
  if (running) page.interrupted.push(restored);
  return null;
}

function isRow(value: unknown): value is StoredRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Partial<StoredRow>;
  return (
    typeof row.id === 'string' &&
    typeof row.at === 'number' &&
    typeof row.savedAt === 'number' &&
    typeof row.tab === 'string'
  );
}

/** Moves unreadable rows to `setAside`, keeping the newest {@link SET_ASIDE_ROWS_KEPT}. */
async function setAside(
  db: HistoryDatabase,
  rows: readonly { key: string; row: unknown; reason: string }[],
  now: number,
): Promise<void> {
  const tx = db.transaction(['records', 'setAside'], 'readwrite');
  const records = tx.objectStore('records');
  const aside = tx.objectStore('setAside');
  const requests: Promise<unknown>[] = [];
  for (const { key, row, reason } of rows) {
    requests.push(aside.add({ setAsideAt: now, reason, row }), records.delete(key));
  }
  await Promise.all(requests);
  const extra = (await aside.count()) - SET_ASIDE_ROWS_KEPT;
  if (extra > 0) {
    let cursor = await aside.openKeyCursor();
    for (let left = extra; cursor !== null && left > 0; left -= 1) {
      await aside.delete(cursor.primaryKey);
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

/** Removes every row older than the index key `oldestKept`; returns how many. */
async function removeOlderThan(
  db: HistoryDatabase,
  oldestKept: [number, string],
): Promise<string[]> {
  const tx = db.transaction('records', 'readwrite');
  const ids = await tx.store.index('newest').getAllKeys(IDBKeyRange.upperBound(oldestKept, true));
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  return ids;
}

async function unindexedRows(
  db: HistoryDatabase,
): Promise<{ key: string; row: unknown; reason: string }[]> {
  const tx = db.transaction('records', 'readonly');
  const [all, indexed] = await Promise.all([tx.store.count(), tx.store.index('newest').count()]);
  if (all === indexed) return [];
  const [keys, indexedKeys] = await Promise.all([
    tx.store.getAllKeys(),
    tx.store.index('newest').getAllKeys(),
  ]);
  const inIndex = new Set(indexedKeys);
  const strays: { key: string; row: unknown; reason: string }[] = [];
  for (const key of keys) {
    if (inIndex.has(key)) continue;
    strays.push({ key, row: await tx.store.get(key), reason: 'it is not a saved record' });
  }
  return strays;
}
