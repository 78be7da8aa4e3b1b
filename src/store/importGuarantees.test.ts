import { describe, expect, test } from 'vitest';
import { eventually } from '../../tests/support/eventually';
import { makeRecord } from '../../tests/interop/makeRecord';
import type { EventRecord } from './eventRecord';
import { toLionherdRecords } from './formats/lionherd';
import { formatLog } from './formats/log';
import { toOtlpJson } from './formats/otlp';
import { getOwn } from './ownKey';
import { IMPORT_SLICE } from './slices/logSlice';
import { FakeBrowser } from './history/testPages';
import { createHydratedTestStore, createTestStore } from './testHelpers';

const EXPORTED_AT = new Date('2026-12-01T00:00:00.000Z');

function recordWithId(id: string, overrides: Partial<EventRecord> = {}): EventRecord {
  return makeRecord({ id, chainId: id, ...overrides });
}

function logOf(records: readonly EventRecord[]): string {
  return formatLog(records, EXPORTED_AT);
}

describe('ids are data, not object keys', () => {
  const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  test('records with ids named like Object.prototype members are imported and exported like any other', async () => {
    const harness = createTestStore();
    const result = await harness.store
      .getState()
      .importLog(logOf(ids.map((id) => recordWithId(id))), 'proto.json', { inPage: true });
    expect(result).toMatchObject({ ok: true, added: ids.length, skipped: 0 });
    const { records } = harness.store;
    expect(records.order.toArray()).toEqual(ids);
    for (const id of ids) expect(records.get(id)?.id).toBe(id);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const exported = JSON.parse(harness.store.getState().exportLog()) as { records: EventRecord[] };
    expect(exported.records.map((record) => record.id)).toEqual(ids);
  });

  test('importing the same prototype-like ids again reports them as already in the history', async () => {
    const harness = createTestStore();
    const text = logOf(ids.map((id) => recordWithId(id)));
    await harness.store.getState().importLog(text, 'a.json', { inPage: true });
    const again = await harness.store.getState().importLog(text, 'b.json', { inPage: true });
    expect(again).toMatchObject({ ok: true, added: 0, skipped: ids.length });
  });

  test('a chain id `constructor` has no retry run until one is started', async () => {
    const harness = createTestStore();
    await harness.store
      .getState()
      .importLog(logOf([recordWithId('constructor', { status: 'failed' })]), 'c.json', {
        inPage: true,
      });
    const state = harness.store.getState();
    expect(getOwn(state.retryRuns, 'constructor')).toBeUndefined();
    expect(getOwn(state.retryRuns, '__proto__')).toBeUndefined();
  });
});

describe('duplicates', () => {
  test('a duplicate inside the file is reported as such, apart from ids already in the history', async () => {
    const harness = createTestStore();
    await harness.store.getState().importLog(logOf([recordWithId('saved')]), 'first.json', {
      inPage: true,
    });
    const text = logOf([recordWithId('saved'), recordWithId('new'), recordWithId('new')]);
    const refused = await harness.store.getState().importLog(text, 'second.json', { inPage: true });
    expect(refused).toMatchObject({
      ok: false,
      error:
        '"second.json" is not a valid Lifecycle Lab log: records[2].id: "new" is a duplicate in the file: records[1] has the same id',
      partial: { importable: 2 },
    });
    expect(harness.store.records.order.toArray()).toEqual(['saved']);
    const part = await harness.store
      .getState()
      .importLog(text, 'second.json', { inPage: true, importValid: true });
    expect(part).toMatchObject({ ok: true, added: 1, skipped: 1 });
    expect(part.ok && part.leftOut.map((problem) => problem.record)).toEqual(['records[2]']);
  });
});

describe('an import racing the initial load', () => {
  test('never replaces a saved record with the same id', async () => {
    const browser = new FakeBrowser();
    const saved = recordWithId('same', { label: 'the saved one', source: 'restored' });
    const db = await browser.database();
    await db.put('records', { id: 'same', at: 1, savedAt: 1, tab: 'gone', record: saved });
    db.close();
    const harness = createTestStore({
      storage: browser.localStorage,
      indexedDB: browser.indexedDB,
      historyName: browser.name,
      historyHooks: { channel: null },
    });
    expect(harness.store.getState().hydrated).toBe(false);
    const importing = harness.store
      .getState()
      .importLog(
        logOf([recordWithId('same', { label: 'the imported one' }), recordWithId('other')]),
        'race.json',
        {
          inPage: true,
        },
      );
    const result = await importing;
    expect(harness.store.getState().hydrated).toBe(true);
    expect(result).toMatchObject({ ok: true, added: 1, skipped: 1 });
    const { records } = harness.store;
    expect(records.get('same')?.label).toBe('the saved one');
    expect([...records.order.toArray()].sort()).toEqual(['other', 'same']);
    await eventually(async () => {
      const onDisk = await browser.saved();
      expect(onDisk.get('same')?.label).toBe('the saved one');
      expect(onDisk.get('other')?.source).toBe('imported');
    });
  });
});

describe('cancelling', () => {
  test('a cancelled import adds nothing and says so', async () => {
    const harness = await createHydratedTestStore();
    const controller = new AbortController();
    const records = Array.from({ length: 1_000 }, (_, index) => recordWithId(`r${String(index)}`));
    const result = await harness.store.getState().importLog(logOf(records), 'big.json', {
      inPage: true,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'checking' && progress.checked >= 500) controller.abort();
      },
    });
    expect(result).toEqual({
      ok: false,
      cancelled: true,
      error: 'The import was cancelled: nothing was added.',
    });
    expect(harness.store.records.order.toArray()).toEqual([]);
  });
});

describe('a large import', () => {
  const count = 2 * IMPORT_SLICE + 500;
  const many = (): EventRecord[] =>
    Array.from({ length: count }, (_, index) => recordWithId(`r${String(index).padStart(5, '0')}`));

  test('is listed a slice per task, oldest first, ending in the order of the file', async () => {
    const harness = await createHydratedTestStore();
    const sizes: number[] = [];
    harness.store.records.subscribeChanges(({ upserted }) => sizes.push(upserted.length));
    const listed: number[] = [];
    const records = many();
    const result = await harness.store.getState().importLog(logOf(records), 'big.json', {
      inPage: true,
      onProgress: (progress) => {
        if (progress.phase === 'adding') listed.push(progress.added);
      },
    });
    expect(result).toMatchObject({ ok: true, added: count, skipped: 0 });
    expect(sizes).toEqual([IMPORT_SLICE, IMPORT_SLICE, 500]);
    expect(listed).toEqual([IMPORT_SLICE, 2 * IMPORT_SLICE]);
    expect(harness.store.records.order.toArray()).toEqual(records.map((record) => record.id));
  });

  test('cancelled while it is being listed, takes back what it listed and keeps the rest', async () => {
    const harness = await createHydratedTestStore();
    await harness.store.getState().importLog(logOf([recordWithId('mine')]), 'mine.json', {
      inPage: true,
    });
    const controller = new AbortController();
    const result = await harness.store.getState().importLog(logOf(many()), 'big.json', {
      inPage: true,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'adding') controller.abort();
      },
    });
    expect(result).toEqual({
      ok: false,
      cancelled: true,
      error: 'The import was cancelled: nothing was added.',
    });
    expect(harness.store.records.order.toArray()).toEqual(['mine']);
  });
});

// Each story writes a few thousand rows to fake-indexeddb, which takes seconds on a busy machine.
describe('an import is done once it is on disk', { timeout: 20_000 }, () => {
  const records = Array.from({ length: 1_500 }, (_, index) => recordWithId(`s${String(index)}`));

  test('every record is saved when it says it imported them, with the saving counted', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage();
    const saving: number[] = [];
    const result = await page.store.getState().importLog(logOf(records), 'big.json', {
      inPage: true,
      onProgress: (progress) => {
        if (progress.phase === 'saving') saving.push(progress.saved);
      },
    });
    expect(result).toMatchObject({ ok: true, added: records.length });
    expect((await browser.rows()).size).toBe(records.length);
    expect(saving.at(-1)).toBe(records.length);
  });

  test('cancelled while it is being saved, takes it all back, from memory and from disk', async () => {
    const browser = new FakeBrowser();
    const page = await browser.openPage();
    const controller = new AbortController();
    const result = await page.store.getState().importLog(logOf(records), 'big.json', {
      inPage: true,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'saving') controller.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(page.store.records.order.toArray()).toEqual([]);
    await eventually(async () => {
      expect((await browser.rows()).size).toBe(0);
    });
  });
});

describe('exports never break on a stored value', () => {
  const wild = [1e300, -5, Number.NaN, Number.POSITIVE_INFINITY, -1e300];

  test.each(wild)('a stored transition at %s is exported in every format', async (at) => {
    const record = makeRecord();
    const broken: EventRecord = {
      ...record,
      duration: at,
      transitions: record.transitions.map((step) => ({ ...step, at })),
    };
    const harness = createTestStore();
    harness.store.records.upsert([broken], 'newer');
    expect(() => harness.store.getState().exportLog()).not.toThrow();
    expect(() => JSON.stringify(toLionherdRecords([broken]))).not.toThrow();
    const otlp = JSON.parse(await toOtlpJson([broken])) as { resourceSpans: unknown[] };
    expect(otlp.resourceSpans).toHaveLength(1);
  });
});
