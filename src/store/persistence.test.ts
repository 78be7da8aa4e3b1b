import { describe, expect, test, vi } from 'vitest';
import { eventually } from '../../tests/support/eventually';
import type { EventRecord } from './eventRecord';
import { DEFAULT_STORAGE_KEY, INTERRUPTED_MESSAGE, serializeHistory } from './formats/history';
import { makeRecord } from '../../tests/interop/makeRecord';
import { FakeBrowser } from './history/testPages';
import { loadHistory, migrations } from './persistence';
import {
  allRecords,
  createTestStore,
  freshIdOf,
  MemoryStorage,
  type TestStore,
} from './testHelpers';

/*
 * History is kept in IndexedDB (`./history`); `localStorage` only holds what earlier versions
 * saved, moved into the database on the first load. These tests run pages of one fake browser
 * profile on real timers: the database answers asynchronously.
 */

async function launchAndSettle(harness: TestStore, kind: string, params: unknown = {}) {
  const result = await harness.store.getState().launch(kind, params);
  if (!result.ok) throw new Error('launch failed');
  await new Promise((resolve) => setTimeout(resolve, 0));
  harness.flush();
  return result.ids[0] ?? '';
}

/** Waits until the database holds `count` records. */
async function savedCount(browser: FakeBrowser, count: number, timeout = 2_000): Promise<void> {
  await vi.waitFor(
    async () => {
      expect((await browser.rows()).size).toBe(count);
    },
    { timeout, interval: 100 },
  );
}

/** Waits until the database holds every record of `page` as it is in memory. */
async function savedAsInMemory(browser: FakeBrowser, page: TestStore): Promise<void> {
  await eventually(async () => {
    const saved = await browser.saved();
    const records = page.store.records;
    const order = records.order.toArray();
    expect(order.map((id) => saved.get(id))).toEqual(order.map((id) => records.get(id)));
  });
}

describe('saving', () => {
  test('history is written to the database a moment after a change, never to localStorage', async () => {
    const browser = new FakeBrowser();
    const harness = await browser.openPage();
    await launchAndSettle(harness, 'simple');
    await launchAndSettle(harness, 'failing');
    await savedCount(browser, 2);
    const kinds = [...(await browser.saved()).values()].map((record) => record.kind);
    expect(kinds.sort()).toEqual(['failing', 'simple']);
    expect(browser.localStorage.writes).toBe(0);
  });

  test('history survives a reload: a new store reads back every record, read-only', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await launchAndSettle(first, 'simple');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await launchAndSettle(first, 'multi-error');
    await savedAsInMemory(browser, first);
    browser.closePage(first.tab);

    const second = await browser.openPage();
    const before = first.store.records;
    const after = second.store.records;
    expect(after.order.toArray()).toEqual(before.order.toArray());
    for (const id of before.order.toArray()) {
      expect(after.get(id)).toEqual({ ...before.get(id), source: 'restored' });
    }
    expect(second.store.getState().storage).toEqual({ mode: 'persistent' });
  });

  test('events still processing when the page went away come back cancelled as interrupted', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await first.store.getState().launch('slow', { delay: 60 });
    first.flush();
    await savedCount(browser, 1);
    browser.closePage(first.tab);

    const second = await browser.openPage();
    const [record] = allRecords(second.store);
    expect(record).toMatchObject({
      status: 'cancelled',
      source: 'restored',
      retryable: true,
      execution: {
        status: 'cancelled',
        response: null,
        retryable: true,
        error: { error: 'CancellationError', message: INTERRUPTED_MESSAGE, retryable: true },
      },
    });
    expect(record?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'cancelled',
    ]);
    expect(record?.duration).toBeGreaterThanOrEqual(0);
  });

  test('a restored event cannot be invoked, but can be retried fresh from the catalogue', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await first.store.getState().launch('slow', { delay: 0.05, returnValue: 'back' });
    first.flush();
    await savedCount(browser, 1);
    browser.closePage(first.tab);

    const second = await browser.openPage();
    const id = second.store.records.order.toArray()[0] ?? '';
    const invoked = await second.store.getState().invoke(id);
    expect(invoked.ok ? '' : invoked.error).toMatch(/read-only/);
    const retry = freshIdOf(second.store.getState().retryFresh(id));
    await eventually(() => {
      second.flush();
      expect(second.store.records.get(retry)).toMatchObject({
        status: 'completed',
        execution: { response: 'back' },
        originalId: id,
        attempt: 2,
        source: 'live',
      });
    });
  });

  test('more records than earlier versions kept (5,000) are all written and read back', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await first.store.getState().launch('null-returning', {}, 6_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    first.flush();
    await savedCount(browser, 6_000, 30_000);
    browser.closePage(first.tab);
    const second = await browser.openPage();
    expect(second.store.records.order.toArray()).toHaveLength(6_000);
  }, 60_000);
});

describe('reading history in after creation', () => {
  async function savedHistory(): Promise<{ browser: FakeBrowser; savedIds: string[] }> {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await launchAndSettle(first, 'simple');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await launchAndSettle(first, 'failing');
    await savedAsInMemory(browser, first);
    browser.closePage(first.tab);
    return { browser, savedIds: [...first.store.records.order.toArray()] };
  }

  function openUnhydrated(browser: FakeBrowser): TestStore {
    return createTestStore({
      storage: browser.localStorage,
      indexedDB: browser.indexedDB,
      historyName: browser.name,
      historyHooks: { channel: null },
    });
  }

  test('a store starts empty and not hydrated, then reads the saved history in', async () => {
    const { browser, savedIds } = await savedHistory();
    const harness = openUnhydrated(browser);
    expect(harness.store.getState().hydrated).toBe(false);
    expect(harness.store.records.order.toArray()).toEqual([]);
    await harness.store.getState().whenHydrated();
    expect(harness.store.getState().hydrated).toBe(true);
    expect(harness.store.records.order.toArray()).toEqual(savedIds);
  });

  test('records launched before hydration are kept, listed before the saved ones, and saved', async () => {
    const { browser, savedIds } = await savedHistory();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const harness = openUnhydrated(browser);
    const early = await launchAndSettle(harness, 'null-returning');
    await harness.store.getState().whenHydrated();
    expect(harness.store.records.order.toArray()).toEqual([early, ...savedIds]);
    expect(harness.store.records.get(early)?.source).toBe('live');
    await savedCount(browser, 3);
  });

  test('saving before hydration finished does not overwrite the saved history', async () => {
    const { browser, savedIds } = await savedHistory();
    const before = await browser.saved();
    const harness = openUnhydrated(browser);
    harness.store.getState().saveNow();
    await harness.store.getState().whenHydrated();
    harness.store.getState().saveNow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await browser.saved()).toEqual(before);
    expect(new Set(before.keys())).toEqual(new Set(savedIds));
  });

  test('clearing before hydration finished forgets the saved history too', async () => {
    const { browser } = await savedHistory();
    const harness = openUnhydrated(browser);
    harness.store.getState().clear();
    await harness.store.getState().whenHydrated();
    expect(harness.store.records.order.toArray()).toEqual([]);
    await savedCount(browser, 0);
  });

  test('without storage a store is hydrated at once', () => {
    const harness = createTestStore({ storage: null });
    expect(harness.store.getState().hydrated).toBe(true);
    expect(harness.store.getState().storage).toEqual({
      mode: 'memory-only',
      reason: 'storage is turned off',
    });
  });
});

describe('history saved by earlier versions in localStorage', () => {
  test.each([
    ['invalid JSON', '{"version": 1, "state": {"records": ['],
    ['a wrong shape', JSON.stringify({ version: 1, state: { items: [] } })],
    ['a version from the future', JSON.stringify({ version: 99, state: {} })],
  ])('corrupted history (%s) is set aside with a notice, never a crash', async (_case, raw) => {
    const browser = new FakeBrowser();
    const storage = browser.localStorage;
    storage.items.set(DEFAULT_STORAGE_KEY, raw);
    const harness = await browser.openPage({ clock: { now: () => 1_700_000_000_000 } });
    const state = harness.store.getState();
    expect(harness.store.records.order.toArray()).toEqual([]);
    expect(storage.items.get(`${DEFAULT_STORAGE_KEY}:corrupted:1700000000000`)).toBe(raw);
    expect(storage.items.has(DEFAULT_STORAGE_KEY)).toBe(false);
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0]?.message).toContain(`${DEFAULT_STORAGE_KEY}:corrupted:1700000000000`);
    expect(state.storage).toEqual({ mode: 'persistent' });
  });

  test('only the newest three copies of unreadable history are kept', async () => {
    const browser = new FakeBrowser();
    const storage = browser.localStorage;
    for (const now of [1, 2, 3, 4, 5]) {
      storage.items.set(DEFAULT_STORAGE_KEY, `not json ${String(now)}`);
      await browser.openPage({ clock: { now: () => now } });
    }
    const copies = [...storage.items.keys()].filter((key) => key.includes(':corrupted:'));
    expect(copies.sort()).toEqual(
      [3, 4, 5].map((now) => `${DEFAULT_STORAGE_KEY}:corrupted:${String(now)}`),
    );
    expect(storage.items.get(`${DEFAULT_STORAGE_KEY}:corrupted:5`)).toBe('not json 5');
  });

  test('corrupted history that cannot be set aside is left alone, and new history is still saved', async () => {
    const browser = new FakeBrowser();
    const storage = browser.localStorage;
    storage.items.set(DEFAULT_STORAGE_KEY, 'not json');
    storage.full = true;
    const harness = await browser.openPage();
    expect(storage.items.get(DEFAULT_STORAGE_KEY)).toBe('not json');
    expect(harness.store.getState().notices.at(-1)?.message).toMatch(/left untouched/);
    await launchAndSettle(harness, 'simple');
    await savedCount(browser, 1);
    expect(harness.store.getState().storage).toEqual({ mode: 'persistent' });
  });

  test('records that cannot be read are left out, the rest are moved, and the notice says where', async () => {
    const browser = new FakeBrowser();
    const storage = browser.localStorage;
    const raw = JSON.stringify({
      version: 1,
      state: { records: [sampleRecord(), { ...sampleRecord(), id: 'broken', status: 'lost' }] },
    });
    storage.items.set(DEFAULT_STORAGE_KEY, raw);
    const harness = await browser.openPage({ clock: { now: () => 42 } });
    const state = harness.store.getState();
    expect(harness.store.records.order.toArray()).toEqual(['sample']);
    expect(state.storage).toEqual({ mode: 'persistent' });
    expect(storage.items.get(`${DEFAULT_STORAGE_KEY}:corrupted:42`)).toBe(raw);
    expect(storage.items.has(DEFAULT_STORAGE_KEY)).toBe(false);
    expect([...(await browser.saved()).keys()]).toEqual(['sample']);
    expect(state.notices[0]?.message).toContain(
      '1 record could not be read (state.records[1].status: expected one of pending|processing|completed|failed|cancelled|skipped|aborted)',
    );
  });

  test('disabled localStorage does not stop history from being saved in the database', async () => {
    const browser = new FakeBrowser();
    browser.localStorage.disabled = true;
    const harness = await browser.openPage();
    await launchAndSettle(harness, 'simple');
    await savedCount(browser, 1);
    expect(harness.store.getState().storage).toEqual({ mode: 'persistent' });
  });
});

describe('migrations', () => {
  test('history saved in the version 0 shape is migrated to version 1', () => {
    const storage = new MemoryStorage();
    const v0 = {
      version: 0,
      state: {
        events: [
          {
            id: 'old-1',
            kind: 'simple',
            status: 'completed',
            createdAt: '2026-01-01T00:00:00.000Z',
            execution: {
              status: 'completed',
              duration: 0.5,
              response: 42,
              error: null,
              retryable: false,
            },
          },
          {
            id: 'old-2',
            kind: 'slow',
            label: 'Slow event',
            status: 'processing',
            createdAt: '2026-01-01T00:00:01.000Z',
            transitions: [
              { status: 'pending', at: 1767225601000 },
              { status: 'processing', at: 1767225601000 },
            ],
            execution: { status: 'processing' },
          },
        ],
      },
    };
    storage.items.set(DEFAULT_STORAGE_KEY, JSON.stringify(v0));
    const result = loadHistory(storage, DEFAULT_STORAGE_KEY);
    if (result.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(result)}`);
    const [newest, oldest] = result.records;
    expect(oldest).toMatchObject({
      id: 'old-1',
      label: 'simple',
      attempt: 1,
      chainId: 'old-1',
      originalId: null,
      runs: 1,
      source: 'restored',
      execution: { response: 42 },
    });
    expect(newest).toMatchObject({ id: 'old-2', status: 'cancelled', source: 'restored' });
  });

  test('one unreadable event of a version 0 history costs only itself', () => {
    const storage = new MemoryStorage();
    const good = (index: number) => ({
      id: `old-${String(index)}`,
      kind: 'simple',
      status: 'completed',
      createdAt: '2026-01-01T00:00:00.000Z',
      execution: { status: 'completed', duration: 0.5, response: index },
    });
    const v0 = {
      version: 0,
      state: { events: [good(1), { id: 'broken', kind: 'simple' }, good(2)] },
    };
    storage.items.set(DEFAULT_STORAGE_KEY, JSON.stringify(v0));
    const result = loadHistory(storage, DEFAULT_STORAGE_KEY);
    if (result.kind !== 'partial') throw new Error(`not partial: ${JSON.stringify(result)}`);
    expect(result.records.map((record) => record.id)).toEqual(['old-2', 'old-1']);
    expect(result.reason).toMatch(/^1 record could not be read \(state\.records\[1\]/);
  });

  test('the store moves a version 0 history into the database, migrated', async () => {
    const browser = new FakeBrowser();
    const storage = browser.localStorage;
    storage.items.set(
      DEFAULT_STORAGE_KEY,
      JSON.stringify({
        version: 0,
        state: {
          events: [
            {
              id: 'old-1',
              kind: 'failing',
              status: 'failed',
              createdAt: '2026-01-01T00:00:00.000Z',
              execution: {
                status: 'failed',
                duration: 0,
                error: { error: 'ValueError', message: 'x' },
              },
            },
          ],
        },
      }),
    );
    const harness = await browser.openPage();
    expect(harness.store.records.get('old-1')?.status).toBe('failed');
    expect((await browser.saved()).get('old-1')).toMatchObject({ status: 'failed', attempt: 1 });
    expect(storage.items.has(DEFAULT_STORAGE_KEY)).toBe(false);
  });

  test('what is saved is what is loaded', () => {
    const storage = new MemoryStorage();
    const record = { ...sampleRecord(), source: 'imported' as const };
    storage.items.set(DEFAULT_STORAGE_KEY, serializeHistory([record], 0));
    expect(loadHistory(storage, DEFAULT_STORAGE_KEY)).toEqual({
      kind: 'loaded',
      records: [record],
    });
  });
});

/** A completed record, as the interop tests make them, under a fixed id. */
function sampleRecord(): EventRecord {
  return makeRecord({ id: 'sample', chainId: 'sample' });
}

test('HTTP events saved with their latency in milliseconds come back with it in seconds', () => {
  const migrated = migrations[1]?.({
    records: [
      { id: 'a', kind: 'http', params: { latency: 1500, status: 200 } },
      { id: 'b', kind: 'slow', params: { latency: 7 } },
      { id: 'c', kind: 'http', params: {} },
    ],
  });
  expect(migrated).toEqual({
    records: [
      { id: 'a', kind: 'http', params: { latency: 1.5, status: 200 } },
      { id: 'b', kind: 'slow', params: { latency: 7 } },
      { id: 'c', kind: 'http', params: {} },
    ],
  });
});
