import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { EventRecord } from './eventRecord';
import {
  DEFAULT_STORAGE_KEY,
  HISTORY_VERSION,
  INTERRUPTED_MESSAGE,
  MAX_STORED_RECORDS,
  serializeHistory,
} from './formats/history';
import { makeRecord } from '../../tests/interop/makeRecord';
import { loadHistory, migrations } from './persistence';
import {
  createHydratedTestStore,
  allRecords,
  createTestStore,
  MemoryStorage,
  type TestStore,
} from './testHelpers';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function storedRecords(storage: MemoryStorage, key = DEFAULT_STORAGE_KEY): EventRecord[] {
  const raw = storage.items.get(key);
  if (raw === undefined) throw new Error('nothing stored');
  return (JSON.parse(raw) as { state: { records: EventRecord[] } }).state.records;
}

async function launchAndSettle(harness: TestStore, kind: string, params: unknown = {}) {
  const result = await harness.store.getState().launch(kind, params);
  if (!result.ok) throw new Error('launch failed');
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  return result.ids[0] ?? '';
}

describe('saving', () => {
  test('history is written under a versioned key a moment after a change, not on every change', async () => {
    const storage = new MemoryStorage();
    const harness = await createHydratedTestStore({ storage, persistDelay: 500 });
    await launchAndSettle(harness, 'simple');
    await launchAndSettle(harness, 'failing');
    expect(storage.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.writes).toBe(1);
    const stored = JSON.parse(storage.items.get(DEFAULT_STORAGE_KEY) ?? '{}') as {
      version: number;
    };
    expect(stored.version).toBe(HISTORY_VERSION);
    expect(storedRecords(storage).map((record) => record.kind)).toEqual(['failing', 'simple']);
  });

  test('history survives a reload: a new store reads back every record, read-only', async () => {
    const storage = new MemoryStorage();
    const first = await createHydratedTestStore({ storage });
    await launchAndSettle(first, 'simple');
    await launchAndSettle(first, 'multi-error');
    first.store.getState().saveNow();

    const second = await createHydratedTestStore({ storage });
    const before = first.store.records;
    const after = second.store.records;
    expect(after.order.toArray()).toEqual(before.order.toArray());
    for (const id of before.order.toArray()) {
      expect(after.get(id)).toEqual({ ...before.get(id), source: 'restored' });
    }
    expect(second.store.getState().storage).toEqual({ mode: 'persistent' });
  });

  test('events still processing when the page went away come back cancelled as interrupted', async () => {
    const storage = new MemoryStorage();
    const first = await createHydratedTestStore({ storage });
    await first.store.getState().launch('slow', { delay: 60 });
    first.store.getState().saveNow();

    const second = await createHydratedTestStore({ storage });
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
    const storage = new MemoryStorage();
    const first = await createHydratedTestStore({ storage });
    await first.store.getState().launch('slow', { delay: 60, returnValue: 'back' });
    first.store.getState().saveNow();

    const second = await createHydratedTestStore({ storage });
    const id = second.store.records.order.toArray()[0] ?? '';
    await second.store.getState().invoke(id);
    expect(second.store.getState().notices.at(-1)?.message).toMatch(/read-only/);
    const retry = second.store.getState().retryFresh(id);
    if (retry === null) throw new Error('no retry');
    await vi.advanceTimersByTimeAsync(60_000);
    second.flush();
    expect(second.store.records.get(retry)).toMatchObject({
      status: 'completed',
      execution: { response: 'back' },
      originalId: id,
      attempt: 2,
      source: 'live',
    });
  });

  test(`only the newest ${MAX_STORED_RECORDS} records are written`, async () => {
    const storage = new MemoryStorage();
    const harness = await createHydratedTestStore({ storage });
    await harness.store.getState().launch('simple', {}, 10);
    await harness.store.getState().launch('null-returning', {}, MAX_STORED_RECORDS);
    await vi.advanceTimersByTimeAsync(0);
    harness.store.getState().saveNow();
    const stored = storedRecords(storage);
    expect(stored).toHaveLength(MAX_STORED_RECORDS);
    expect(stored.every((record) => record.kind === 'null-returning')).toBe(true);
  }, 30_000);
});

describe('reading history in after creation', () => {
  async function savedHistory(): Promise<{ storage: MemoryStorage; savedIds: string[] }> {
    const storage = new MemoryStorage();
    const first = await createHydratedTestStore({ storage });
    await launchAndSettle(first, 'simple');
    await launchAndSettle(first, 'failing');
    first.store.getState().saveNow();
    return { storage, savedIds: [...first.store.records.order.toArray()] };
  }

  test('a store starts empty and not hydrated, then reads the saved history in', async () => {
    const { storage, savedIds } = await savedHistory();
    const harness = createTestStore({ storage });
    expect(harness.store.getState().hydrated).toBe(false);
    expect(harness.store.records.order.toArray()).toEqual([]);
    await harness.store.getState().whenHydrated();
    expect(harness.store.getState().hydrated).toBe(true);
    expect(harness.store.records.order.toArray()).toEqual(savedIds);
  });

  test('records launched before hydration are kept and listed before the saved ones', async () => {
    const { storage, savedIds } = await savedHistory();
    const harness = createTestStore({ storage });
    const early = await launchAndSettle(harness, 'null-returning');
    await harness.store.getState().whenHydrated();
    expect(harness.store.records.order.toArray()).toEqual([early, ...savedIds]);
    expect(harness.store.records.get(early)?.source).toBe('live');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(storedRecords(storage).map((record) => record.id)).toEqual([early, ...savedIds]);
  });

  test('saving before hydration finished does not overwrite the saved history', async () => {
    const { storage, savedIds } = await savedHistory();
    const harness = createTestStore({ storage });
    const writes = storage.writes;
    harness.store.getState().saveNow();
    expect(storage.writes).toBe(writes);
    expect(storedRecords(storage).map((record) => record.id)).toEqual(savedIds);
    await harness.store.getState().whenHydrated();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(storedRecords(storage).map((record) => record.id)).toEqual(savedIds);
  });

  test('clearing before hydration finished forgets the saved history too', async () => {
    const { storage } = await savedHistory();
    const harness = createTestStore({ storage });
    harness.store.getState().clear();
    await harness.store.getState().whenHydrated();
    expect(harness.store.records.order.toArray()).toEqual([]);
    expect(storedRecords(storage)).toEqual([]);
  });

  test('without storage a store is hydrated at once', () => {
    const harness = createTestStore({ storage: null });
    expect(harness.store.getState().hydrated).toBe(true);
  });
});

describe('storage that fails', () => {
  test('full storage keeps the store working in memory and says so', async () => {
    const storage = new MemoryStorage();
    const harness = await createHydratedTestStore({ storage });
    storage.full = true;
    const id = await launchAndSettle(harness, 'simple');
    harness.store.getState().saveNow();
    const state = harness.store.getState();
    expect(state.storage).toEqual({ mode: 'memory-only', reason: 'storage is full' });
    expect(state.notices.at(-1)).toMatchObject({ level: 'warning' });
    expect(state.notices.at(-1)?.message).toMatch(/storage is full/);
    expect(harness.store.records.get(id)?.status).toBe('completed');
    await launchAndSettle(harness, 'simple');
    expect(harness.store.records.order.toArray()).toHaveLength(2);
  });

  test('nearly full storage keeps the newest records that fit, and says so', async () => {
    const storage = new MemoryStorage();
    storage.capacity = 100 * 1_000;
    const harness = await createHydratedTestStore({ storage });
    await harness.store.getState().launch('simple', {}, 400);
    await vi.advanceTimersByTimeAsync(0);
    harness.store.getState().saveNow();
    const stored = storedRecords(storage);
    expect(stored.length).toBeGreaterThanOrEqual(50);
    expect(stored.length).toBeLessThan(400);
    expect(stored[0]?.id).toBe(harness.store.records.order.toArray()[0]);
    expect(harness.store.getState().storage).toEqual({ mode: 'persistent' });
    expect(harness.store.getState().notices.at(-1)?.message).toMatch(
      new RegExp(`only the newest ${stored.length} records are saved`),
    );
  });

  test('disabled storage keeps the store working in memory and says so', async () => {
    const storage = new MemoryStorage();
    storage.disabled = true;
    const harness = await createHydratedTestStore({ storage });
    const state = harness.store.getState();
    expect(state.storage.mode).toBe('memory-only');
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0]?.message).toMatch(/memory only.*SecurityError|operation is insecure/);
    await launchAndSettle(harness, 'simple');
    harness.store.getState().saveNow();
    expect(harness.store.records.order.toArray()).toHaveLength(1);
  });

  test.each([
    ['invalid JSON', '{"version": 1, "state": {"records": ['],
    ['a wrong shape', JSON.stringify({ version: 1, state: { items: [] } })],
    ['a version from the future', JSON.stringify({ version: 99, state: {} })],
  ])('corrupted history (%s) is set aside with a notice, never a crash', async (_case, raw) => {
    const storage = new MemoryStorage();
    storage.items.set(DEFAULT_STORAGE_KEY, raw);
    const harness = await createHydratedTestStore({
      storage,
      clock: { now: () => 1_700_000_000_000 },
    });
    const state = harness.store.getState();
    expect(harness.store.records.order.toArray()).toEqual([]);
    expect(storage.items.get(`${DEFAULT_STORAGE_KEY}:corrupted:1700000000000`)).toBe(raw);
    expect(storage.items.has(DEFAULT_STORAGE_KEY)).toBe(false);
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0]?.message).toContain(`${DEFAULT_STORAGE_KEY}:corrupted:1700000000000`);
    // With the bad data kept elsewhere, new history can be saved again.
    expect(state.storage).toEqual({ mode: 'persistent' });
  });

  test('only the newest three copies of unreadable history are kept', async () => {
    const storage = new MemoryStorage();
    for (const now of [1, 2, 3, 4, 5]) {
      storage.items.set(DEFAULT_STORAGE_KEY, `not json ${String(now)}`);
      await createHydratedTestStore({ storage, clock: { now: () => now } });
    }
    const copies = [...storage.items.keys()].filter((key) => key.includes(':corrupted:'));
    expect(copies.sort()).toEqual(
      [3, 4, 5].map((now) => `${DEFAULT_STORAGE_KEY}:corrupted:${String(now)}`),
    );
    expect(storage.items.get(`${DEFAULT_STORAGE_KEY}:corrupted:5`)).toBe('not json 5');
  });

  test('corrupted history that cannot be set aside is left alone and the store stays in memory', async () => {
    const storage = new MemoryStorage();
    storage.items.set(DEFAULT_STORAGE_KEY, 'not json');
    storage.full = true;
    const harness = await createHydratedTestStore({ storage });
    expect(harness.store.getState().storage.mode).toBe('memory-only');
    expect(storage.items.get(DEFAULT_STORAGE_KEY)).toBe('not json');
    harness.store.getState().saveNow();
    expect(storage.items.get(DEFAULT_STORAGE_KEY)).toBe('not json');
  });

  test('records that cannot be read are left out, the rest are kept, and the notice says where', async () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({
      version: 1,
      state: { records: [sampleRecord(), { ...sampleRecord(), id: 'broken', status: 'lost' }] },
    });
    storage.items.set(DEFAULT_STORAGE_KEY, raw);
    const harness = await createHydratedTestStore({ storage, clock: { now: () => 42 } });
    const state = harness.store.getState();
    expect(harness.store.records.order.toArray()).toEqual(['sample']);
    expect(state.storage).toEqual({ mode: 'persistent' });
    expect(storage.items.get(`${DEFAULT_STORAGE_KEY}:corrupted:42`)).toBe(raw);
    expect(state.notices[0]?.message).toContain(
      '1 record could not be read (state.records[1].status: expected one of pending|processing|completed|failed|cancelled|skipped|aborted)',
    );
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

  test('the store loads a version 0 history and saves it back as version 1', async () => {
    const storage = new MemoryStorage();
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
    const harness = await createHydratedTestStore({ storage });
    expect(harness.store.records.get('old-1')?.status).toBe('failed');
    harness.store.getState().saveNow();
    expect(JSON.parse(storage.items.get(DEFAULT_STORAGE_KEY) ?? '')).toMatchObject({
      version: HISTORY_VERSION,
    });
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
