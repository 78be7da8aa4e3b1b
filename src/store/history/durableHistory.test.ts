import { describe, expect, test, vi } from 'vitest';
import { eventually } from '../../../tests/support/eventually';
import { INTERRUPTED_MESSAGE } from '../formats/history';
import type { TestStore } from '../testHelpers';
import type { HistoryDisk } from './historyDisk';
import { READ_PAGE_SIZE } from './readSavedHistory';
import { FakeBrowser } from './testPages';
import { makeRecord } from '../../../tests/interop/makeRecord';
import { createdMs } from '../createdMs';

/** Launches `count` events of `kind` and lets them run as far as they go at once. */
async function launch(page: TestStore, kind: string, params: unknown = {}, count = 1) {
  const result = await page.store.getState().launch(kind, params, count);
  if (!result.ok) throw new Error(`launch failed: ${JSON.stringify(result.issues)}`);
  await settle(page);
  return result.ids;
}

async function settle(page: TestStore): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  page.flush();
}

function idsOf(page: TestStore): string[] {
  return [...page.store.records.order.toArray()];
}

describe('saving', () => {
  test('a record is on disk within a frame or two of changing state', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage();
    const [id = ''] = await launch(page, 'simple');
    await eventually(async () => {
      expect((await browser.saved()).get(id)?.status).toBe('completed');
    });
  });

  test('a burst of changes is written in one transaction per flush, never one per record', async () => {
    const browser = new FakeBrowser();
    const writes: number[] = [];
    const page = await browser.openPage({
      historyHooks: { disk: countingDisk(browser, writes) },
    });
    await launch(page, 'simple', {}, 500);
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(500);
    });
    expect(writes.length).toBeLessThanOrEqual(3);
    expect(writes.reduce((sum, rows) => sum + rows, 0)).toBeLessThanOrEqual(1_000);
  });

  test('history survives a reload: every record comes back, read-only, newest first', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await launch(first, 'simple');
    await launch(first, 'failing');
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(2);
    });
    browser.closePage(first.tab);
    const second = await browser.openPage();
    const records = second.store.records;
    const order = records.order.toArray();
    expect(order.map((id) => records.get(id)?.kind)).toEqual(['failing', 'simple']);
    expect(order.map((id) => records.get(id)?.source)).toEqual(['restored', 'restored']);
  });

  test(`more than ${READ_PAGE_SIZE} records are read back in pages, all of them`, async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await launch(first, 'simple', {}, READ_PAGE_SIZE * 2 + 7);
    // Written a few milliseconds of puts at a time, and fake-indexeddb's puts are slow.
    await vi.waitFor(
      async () => {
        expect((await browser.rows()).size).toBe(READ_PAGE_SIZE * 2 + 7);
      },
      { timeout: 20_000, interval: 100 },
    );
    const second = await browser.openPage();
    expect(new Set(idsOf(second))).toEqual(new Set(idsOf(first)));
  }, 30_000);

  test('clearing the history clears the disk too', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage();
    await launch(page, 'simple', {}, 3);
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(3);
    });
    page.store.getState().clear();
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(0);
    });
  });
});

describe('clearing in one page', () => {
  test('every page and the disk agree: empty, and what ran in another page does not come back', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    // A page whose writes lag, as a busy one's do: its records wait in its queue.
    const second = await browser.openPage({ persistDelay: 200 });
    await launch(second, 'simple', {}, 50);
    const running = await launch(second, 'slow', { delay: 0.05 }, 5);
    first.store.getState().clear();
    await eventually(() => {
      expect(idsOf(second)).toEqual([]);
    });
    // Long enough for the slow events to have ended, and the lagging page to have written.
    await new Promise((resolve) => setTimeout(resolve, 400));
    second.flush();
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(0);
    });
    expect(idsOf(first)).toEqual([]);
    expect(idsOf(second)).toEqual([]);
    expect(running.every((id) => second.store.records.get(id) === undefined)).toBe(true);
  }, 20_000);
});

describe('pages that went away', () => {
  test('a page closed before the database took its records loses none: the next page moves them in', async () => {
    const browser = new FakeBrowser();
    // A database that takes nothing in time, as when the page is closed right after a burst.
    const never: HistoryDisk = { write: () => new Promise<number>(() => undefined) };
    const first = await browser.openPage({ historyHooks: { disk: never } });
    const ended = await launch(first, 'simple', {}, 3);
    const [running = ''] = await launch(first, 'slow', { delay: 60 });
    first.store.getState().saveNow({ leaving: true });
    const journal = `lifecycle-lab:history:unsaved:${first.tab}`;
    expect(browser.localStorage.getItem(journal)).not.toBeNull();
    browser.closePage(first.tab);

    const second = await browser.openPage();
    for (const id of ended) expect(second.store.records.get(id)?.status).toBe('completed');
    expect(second.store.records.get(running)).toMatchObject({
      status: 'cancelled',
      execution: { error: { message: INTERRUPTED_MESSAGE } },
    });
    const saved = await browser.saved();
    expect([...ended, running].map((id) => saved.get(id)?.status)).toEqual([
      'completed',
      'completed',
      'completed',
      'cancelled',
    ]);
    expect(browser.localStorage.getItem(journal)).toBeNull();
  }, 20_000);

  test('a page that comes back from the back/forward cache drops its copy and writes on', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage();
    await launch(page, 'simple', {}, 2);
    page.store.getState().saveNow({ leaving: true });
    page.store.getState().saveNow({ leaving: false });
    expect(browser.localStorage.items.size).toBe(0);
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(2);
    });
  });

  test('events running in a page that crashed come back cancelled and marked interrupted', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    const [id = ''] = await launch(first, 'slow', { delay: 60 });
    await eventually(async () => {
      expect((await browser.saved()).get(id)?.status).toBe('processing');
    });
    browser.closePage(first.tab);
    const second = await browser.openPage();
    const record = second.store.records.get(id);
    expect(record?.status).toBe('cancelled');
    expect(record?.execution.error).toMatchObject({ message: INTERRUPTED_MESSAGE });
    expect(record?.transitions.at(-1)?.reason).toBe('interrupted by a reload');
    await eventually(async () => {
      expect((await browser.saved()).get(id)?.status).toBe('cancelled');
    });
  });

  test('events running in another open page stay running, and are interrupted once it goes', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    const [id = ''] = await launch(first, 'slow', { delay: 60 });
    await eventually(async () => {
      expect((await browser.saved()).get(id)?.status).toBe('processing');
    });
    const second = await browser.openPage();
    expect(second.store.records.get(id)?.status).toBe('processing');
    browser.closePage(first.tab);
    await eventually(() => {
      expect(second.store.records.get(id)?.status).toBe('cancelled');
    });
  });

  test('an event that ended just before its page went away keeps its real end', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    const [id = ''] = await launch(first, 'simple');
    first.store.getState().saveNow();
    browser.closePage(first.tab);
    await eventually(async () => {
      expect((await browser.saved()).get(id)?.status).toBe('completed');
    });
    const second = await browser.openPage();
    expect(second.store.records.get(id)?.status).toBe('completed');
  });
});

describe('two pages at once', () => {
  test('each sees the other’s events, and after reloads every event is there exactly once', async () => {
    const browser = new FakeBrowser();
    const [a, b] = await Promise.all([browser.openPage(), browser.openPage()]);
    const [fromA, fromB] = await Promise.all([
      launch(a, 'simple', {}, 20),
      launch(b, 'failing', {}, 30),
    ]);
    const all = new Set([...fromA, ...fromB]);
    await eventually(() => {
      expect(new Set(idsOf(a))).toEqual(all);
      expect(new Set(idsOf(b))).toEqual(all);
    });
    expect(b.store.records.get(fromA[0] ?? '')?.status).toBe('completed');
    await eventually(async () => {
      expect(new Set((await browser.rows()).keys())).toEqual(all);
    });
    browser.closePage(a.tab);
    browser.closePage(b.tab);
    const [c, d] = await Promise.all([browser.openPage(), browser.openPage()]);
    for (const page of [c, d]) {
      expect(idsOf(page)).toHaveLength(all.size);
      expect(new Set(idsOf(page))).toEqual(all);
    }
  });

  test('a record from another page replaces a copy here only when it is newer', async () => {
    const browser = new FakeBrowser();
    const a = await browser.openPage();
    const b = await browser.openPage();
    const [id = ''] = await launch(a, 'simple');
    await eventually(() => {
      expect(b.store.records.get(id)?.status).toBe('completed');
    });
    expect(b.store.records.get(id)?.source).toBe('restored');
  });
});

describe('moving the history of earlier versions', () => {
  test('history in localStorage moves into the database, nothing lost, and the key is removed', async () => {
    const browser = new FakeBrowser();
    const { serializeHistory, DEFAULT_STORAGE_KEY } = await import('../formats/history');
    const saved = Array.from({ length: 40 }, (_, index) =>
      makeRecord({
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
        transitions: [{ status: 'completed', at: Date.UTC(2026, 0, 1, 0, 0, index) }],
      }),
    ).reverse();
    browser.localStorage.items.set(DEFAULT_STORAGE_KEY, serializeHistory(saved, 0));
    const page = await browser.openPage();
    expect(idsOf(page)).toEqual(saved.map((record) => record.id));
    expect(browser.localStorage.items.has(DEFAULT_STORAGE_KEY)).toBe(false);
    expect((await browser.rows()).size).toBe(40);
    expect(createdMs(saved[0] ?? makeRecord())).toBeGreaterThan(0);
  });

  test('the old key stays when the database cannot take the records', async () => {
    const browser = new FakeBrowser();
    const { serializeHistory, DEFAULT_STORAGE_KEY } = await import('../formats/history');
    browser.localStorage.items.set(DEFAULT_STORAGE_KEY, serializeHistory([makeRecord()], 0));
    const page = await browser.openPage({ indexedDB: null });
    expect(idsOf(page)).toEqual([makeRecord().id]);
    expect(browser.localStorage.items.has(DEFAULT_STORAGE_KEY)).toBe(true);
    expect(page.store.getState().storage).toMatchObject({ mode: 'memory-only' });
  });
});

describe('storage trouble', () => {
  test('a browser without IndexedDB keeps history in memory and says why', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage({ indexedDB: null });
    await launch(page, 'simple');
    expect(page.store.getState().storage).toEqual({
      mode: 'memory-only',
      reason: 'IndexedDB is turned off',
    });
    expect(page.store.getState().notices.map((notice) => notice.message)).toEqual([
      'History is kept in memory only: IndexedDB is turned off. It is gone when the page closes; export the log to keep it.',
    ]);
    expect(idsOf(page)).toHaveLength(1);
  });

  test('full storage keeps what fits, says so, and returns to persistent mode once space is freed', async () => {
    const browser = new FakeBrowser();
    const disk = limitedDisk(browser, 5);
    const page = await browser.openPage({ historyHooks: { disk } });
    await launch(page, 'simple', {}, 12);
    await eventually(() => {
      expect(page.store.getState().storage).toMatchObject({ mode: 'memory-only' });
    });
    expect((await browser.rows()).size).toBeGreaterThan(0);
    expect((await browser.rows()).size).toBeLessThanOrEqual(5);
    const notices = page.store.getState().notices.map((notice) => notice.message);
    expect(notices.some((message) => message.startsWith('Browser storage is full:'))).toBe(true);
    disk.capacity = Number.POSITIVE_INFINITY;
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(12);
    });
    await eventually(() => {
      expect(page.store.getState().storage).toEqual({ mode: 'persistent' });
    });
    expect(page.store.getState().notices.at(-1)?.message).toMatch(/works again/);
  });

  test('an import never takes the place of the person’s own records when storage is full', async () => {
    const browser = new FakeBrowser();
    const disk = limitedDisk(browser, 3);
    const page = await browser.openPage({ historyHooks: { disk } });
    const log = JSON.stringify({
      format: 'lifecycle-lab',
      version: 1,
      exportedAt: new Date().toISOString(),
      records: Array.from({ length: 10 }, (_, index) =>
        makeRecord({ id: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}` }),
      ),
    });
    const own = await launch(page, 'simple', {}, 3);
    const imported = await page.store.getState().importLog(log, 'big.json', { inPage: true });
    expect(imported.ok).toBe(true);
    await eventually(() => {
      expect(page.store.getState().storage).toMatchObject({ mode: 'memory-only' });
    });
    expect(new Set((await browser.rows()).keys())).toEqual(new Set(own));
    expect(page.store.getState().notices.at(-1)?.message).toMatch(/imported log/);
  });

  test('unreadable rows are set aside, not destroyed, and the rest is read', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await launch(first, 'simple', {}, 2);
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(2);
    });
    const db = await browser.database();
    await db.put('records', {
      id: 'broken',
      at: 1,
      savedAt: 1,
      tab: 'x',
      record: { id: 'broken' } as never,
    });
    await db.put('records', { id: 'no-time', record: null } as never);
    db.close();
    browser.closePage(first.tab);
    const second = await browser.openPage();
    expect(idsOf(second)).toHaveLength(2);
    const check = await browser.database();
    expect(await check.count('setAside')).toBe(2);
    expect(await check.count('records')).toBe(2);
    check.close();
    expect(second.store.getState().notices.map((notice) => notice.message)).toContainEqual(
      expect.stringMatching(/^2 records of the saved history could not be read .*set aside/),
    );
  });
});

describe('a database that refused at load', () => {
  test('is opened again: the saved history is then shown, and the page says storage works again', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    const saved = await launch(first, 'simple', {}, 5);
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(5);
    });
    browser.closePage(first.tab);

    let refused = false;
    const refusingOnce = {
      open: (name: string, version?: number) => {
        if (!refused) {
          refused = true;
          throw new DOMException('The database is busy.', 'UnknownError');
        }
        return browser.indexedDB.open(name, version);
      },
    } as unknown as IDBFactory;
    const second = await browser.openPage({ indexedDB: refusingOnce });
    expect(second.store.getState().storage.mode).toBe('memory-only');
    expect(idsOf(second)).toEqual([]);

    const mine = await launch(second, 'simple', {}, 3);
    await eventually(() => {
      expect(second.store.getState().storage.mode).toBe('persistent');
      expect(new Set(idsOf(second))).toEqual(new Set([...saved, ...mine]));
    });
    expect(second.store.getState().notices.at(-1)?.message).toBe(
      'Browser storage works again: the saved history is shown, and new records are saved.',
    );
  }, 20_000);
});

describe('retention', () => {
  test('the oldest records beyond the limit are pruned, and a notice says how many', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage();
    await launch(page, 'simple', {}, 30);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await launch(page, 'simple', {}, 100);
    const result = await page.store.getState().setRetention(100);
    expect(result).toEqual({ ok: true });
    await eventually(() => {
      expect(idsOf(page)).toHaveLength(100);
    });
    expect(new Set(idsOf(page))).toEqual(new Set(newer));
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(100);
    });
    expect(page.store.getState().notices.at(-1)?.message).toMatch(/^30 records pruned/);
    expect(page.store.getState().retention).toBe(100);
  });

  test("a limit set in one page is every open page's, and pages pruning at once keep the newest of them all", async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    const second = await browser.openPage();
    expect(await first.store.getState().setRetention(100)).toEqual({ ok: true });
    await eventually(() => {
      expect(second.store.getState().retention).toBe(100);
    });
    for (let round = 0; round < 3; round++) {
      await Promise.all([launch(first, 'simple', {}, 120), launch(second, 'simple', {}, 120)]);
    }
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(100);
      expect(idsOf(first)).toHaveLength(100);
      expect(idsOf(second)).toHaveLength(100);
    });
    expect(new Set(idsOf(first))).toEqual(new Set((await browser.rows()).keys()));
  }, 20_000);

  test('a limit out of range is refused with the range in words', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage();
    expect(await page.store.getState().setRetention(5)).toEqual({
      ok: false,
      error: 'The limit must be a whole number from 100 to 1,000,000.',
    });
  });
});

/** The real disk, counting the rows of every write. */
function countingDisk(browser: FakeBrowser, writes: number[]): HistoryDisk {
  let db: ReturnType<FakeBrowser['database']> | null = null;
  return {
    async write(rows, removed, cleared) {
      writes.push(rows.length);
      db ??= browser.database();
      const tx = (await db).transaction('records', 'readwrite');
      if (cleared) await tx.store.clear();
      await Promise.all([
        ...removed.map((id) => tx.store.delete(id)),
        ...rows.map((row) => tx.store.put(row)),
        tx.done,
      ]);
      return rows.length;
    },
  };
}

/** A disk that holds at most `capacity` rows and fails the way a full browser storage does. */
function limitedDisk(browser: FakeBrowser, capacity: number): HistoryDisk & { capacity: number } {
  const inner = countingDisk(browser, []);
  const disk = {
    capacity,
    async write(...args: Parameters<HistoryDisk['write']>) {
      const [rows] = args;
      const stored = await browser.rows();
      const fresh = rows.filter((row) => !stored.has(row.id)).length;
      if (stored.size + fresh > disk.capacity) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return inner.write(...args);
    },
  };
  return disk;
}
