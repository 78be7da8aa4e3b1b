import { describe, expect, test } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import {
  FIRST_PAGE_SIZE,
  PAGE_SLICE_MS,
  READ_PAGE_SIZE,
  readSavedHistory,
} from './readSavedHistory';
import { FakeBrowser } from './testPages';

/** Saves `count` completed records; every two share a creation time, so ids break ties. */
async function saveRows(browser: FakeBrowser, count: number): Promise<void> {
  const db = await browser.database();
  const tx = db.transaction('records', 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `row-${String(i).padStart(5, '0')}`;
    const at = 1_000_000 + Math.floor(i / 2);
    writes.push(tx.store.put({ id, at, savedAt: at, tab: 'gone', record: makeRecord({ id }) }));
  }
  await Promise.all([...writes, tx.done]);
  db.close();
}

/** Reads everything; `elapsed` is the clock slices are measured by (time stands still). */
async function readAll(browser: FakeBrowser, limit: number, elapsed: () => number = () => 0) {
  const db = await browser.database();
  const pages: string[][] = [];
  const summary = await readSavedHistory(db, {
    limit,
    openTabs: new Set(),
    now: () => 2_000_000,
    onPage: (page) => pages.push(page.records.map((record) => record.id)) > 0,
    pause: () => Promise.resolve(),
    elapsed,
  });
  db.close();
  return { pages, summary };
}

describe('reading the saved history in batches', () => {
  test('a small first page, then full pages, newest first across page boundaries', async () => {
    const browser = new FakeBrowser();
    const count = FIRST_PAGE_SIZE + READ_PAGE_SIZE * 2 + 3;
    await saveRows(browser, count);
    const { pages, summary } = await readAll(browser, 100_000);
    expect(pages.map((page) => page.length)).toEqual([
      FIRST_PAGE_SIZE,
      READ_PAGE_SIZE,
      READ_PAGE_SIZE,
      3,
    ]);
    const expected = Array.from(
      { length: count },
      (_, i) => `row-${String(count - 1 - i).padStart(5, '0')}`,
    );
    expect(pages.flat()).toEqual(expected);
    expect(summary).toMatchObject({ loaded: count, unreadable: 0, prunedIds: [] });
  });

  test('a history that fills the last page exactly ends without an empty page', async () => {
    const browser = new FakeBrowser();
    await saveRows(browser, FIRST_PAGE_SIZE + READ_PAGE_SIZE);
    const { pages } = await readAll(browser, 100_000);
    expect(pages.map((page) => page.length)).toEqual([FIRST_PAGE_SIZE, READ_PAGE_SIZE]);
  });

  test('a page whose checks take longer than a slice is handed over in slices, in order', async () => {
    const browser = new FakeBrowser();
    const count = FIRST_PAGE_SIZE + READ_PAGE_SIZE + 7;
    await saveRows(browser, count);
    // Each look at the clock finds a millisecond gone: a slice ends after its ninth record.
    let clock = 0;
    const { pages, summary } = await readAll(browser, 100_000, () => (clock += 1));
    const rowsPerSlice = PAGE_SLICE_MS + 1;
    expect(pages.length).toBeGreaterThan(3);
    expect(Math.max(...pages.map((page) => page.length))).toBeLessThanOrEqual(rowsPerSlice);
    expect(pages.flat()).toEqual(
      Array.from({ length: count }, (_, i) => `row-${String(count - 1 - i).padStart(5, '0')}`),
    );
    expect(summary).toMatchObject({ loaded: count, unreadable: 0, prunedIds: [] });
  });

  test('past the limit, the oldest rows are removed', async () => {
    const browser = new FakeBrowser();
    await saveRows(browser, FIRST_PAGE_SIZE + 120);
    const { pages, summary } = await readAll(browser, FIRST_PAGE_SIZE + 100);
    expect(pages.map((page) => page.length)).toEqual([FIRST_PAGE_SIZE, 100]);
    expect(summary.prunedIds).toHaveLength(20);
    expect((await browser.rows()).has('row-00019')).toBe(false);
    expect((await browser.rows()).has('row-00020')).toBe(true);
  });
});
