import lifecycleLabSample from '../../public/samples/lifecycle-lab-sample.json?raw';
import lionherdSample from '../../public/samples/lionherd-notebook-run.json?raw';
import fixture from '../../tests/fixtures/lionherd-python/notebook-run.json?raw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { EventRecord } from './eventRecord';
import { toLionherdRecords } from './formats/lionherd';
import * as lionherd from './formats/lionherd';
import { MAX_IMPORT_BYTES } from './formats/log';
import { parseLog } from './formats/parseLog';
import { allRecords, createTestStore, errorOf, type TestStore } from './testHelpers';
import type { LifecycleLabLog } from './types';
import { FakeBrowser } from './history/testPages';

const MEGABYTE = 1024 * 1024;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A store with one record of every interesting shape: results, errors, a chain, progress. */
async function busyStore(): Promise<TestStore> {
  const harness = createTestStore({ random: () => 0 });
  const { launch } = harness.store.getState();
  await launch('simple', { returnValue: '{"nested": {"list": [1, "two", null]}}' });
  await launch('failing', { errorMsg: 'bad <b>markup</b> & "quotes"' });
  await launch('multi-error', {});
  await launch('null-returning', {});
  await launch('conditional', {});
  await launch('guarded', { amount: 500 });
  await launch('progress', { steps: 2, stepDelay: 0.1 });
  await launch('slow', { delay: 0.5, timeout: 0.1 });
  await launch('slow', { delay: 60 }); // still processing at export time
  await vi.advanceTimersByTimeAsync(1_000);
  const failed = harness.store.records.order
    .toArray()
    .find((id) => harness.store.records.get(id)?.kind === 'failing');
  harness.store.getState().retryFresh(failed ?? '', { copyMeta: true });
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  return harness;
}

function recordsInOrder(harness: TestStore): EventRecord[] {
  return allRecords(harness.store);
}

describe('export', () => {
  test('the export is our versioned JSON format with every record, newest first', async () => {
    const harness = await busyStore();
    const log = JSON.parse(harness.store.getState().exportLog()) as LifecycleLabLog;
    expect(log.format).toBe('lifecycle-lab');
    expect(log.version).toBe(1);
    expect(new Date(log.exportedAt).toISOString()).toBe(log.exportedAt);
    expect(log.records).toEqual(recordsInOrder(harness));
  });
});

describe('import', () => {
  test('an import of an export reproduces every record exactly, marked as imported', async () => {
    const source = await busyStore();
    const exported = recordsInOrder(source);
    const target = createTestStore();
    const result = await target.store
      .getState()
      .importLog(source.store.getState().exportLog(), 'log.json');
    expect(result).toEqual({
      ok: true,
      added: exported.length,
      skipped: 0,
      format: 'lifecycle-lab',
      merged: { events: 0, snapshots: 0 },
      leftOut: [],
    });
    expect(target.store.records.order.toArray()).toEqual(source.store.records.order.toArray());
    expect(recordsInOrder(target)).toEqual(
      exported.map((record) => ({
        ...record,
        source: 'imported',
        importedFrom: { format: 'lifecycle-lab', fileName: 'log.json' },
      })),
    );
  });

  test('exporting imported records and importing them again changes nothing at all', async () => {
    const source = await busyStore();
    const first = createTestStore();
    await first.store.getState().importLog(source.store.getState().exportLog(), 'log.json');
    const second = createTestStore();
    await second.store.getState().importLog(first.store.getState().exportLog(), 'again.json');
    expect(recordsInOrder(second)).toEqual(recordsInOrder(first));
  });

  test('imported records are read-only', async () => {
    const source = await busyStore();
    const target = createTestStore();
    await target.store.getState().importLog(source.store.getState().exportLog());
    const id = target.store.records.order
      .toArray()
      .find((key) => target.store.records.get(key)?.status === 'processing');
    expect(id).toBeDefined();
    expect(errorOf(target.store.getState().cancel(id ?? ''))).toMatch(
      /imported and read-only: it cannot be cancelled/,
    );
    expect(errorOf(await target.store.getState().invoke(id ?? ''))).toMatch(
      /imported and read-only: it cannot be invoked again/,
    );
    target.flush();
    expect(target.store.records.get(id ?? '')?.status).toBe('processing');
  });

  test('records already in the history are skipped, not duplicated', async () => {
    const harness = await busyStore();
    const count = harness.store.records.order.toArray().length;
    const result = await harness.store.getState().importLog(harness.store.getState().exportLog());
    expect(result).toMatchObject({ ok: true, added: 0, skipped: count, format: 'lifecycle-lab' });
    expect(harness.store.records.order.toArray()).toHaveLength(count);
  });

  const valid = (): LifecycleLabLog => ({
    format: 'lifecycle-lab',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    records: [],
  });

  test.each([
    ['text that is not JSON', '{"format": "lifecycle-lab", ', /is not valid JSON/],
    ['a JSON value of the wrong kind', '"hello"', /is not a log this dashboard reads/],
    ['an unknown format', JSON.stringify({ format: 'other' }), /has format "other"/],
    [
      'a record with a wrong status',
      JSON.stringify({
        ...valid(),
        records: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { status: 'lost' }],
      }),
      /records\[0\]\.kind: expected string/,
    ],
    ['an unsupported version', JSON.stringify({ ...valid(), version: 2 }), /version: expected 1/],
  ])(
    'a file with %s is rejected with a clear message and nothing changes',
    async (_case, text, message) => {
      const harness = await busyStore();
      const before = harness.store.records.version();
      const result = await harness.store.getState().importLog(text, 'bad.json');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatch(message);
        expect(result.error).toMatch(/^"bad\.json"/);
      }
      expect(harness.store.records.version()).toBe(before);
    },
  );

  test('a rejection says which record and which field is wrong', async () => {
    const source = await busyStore();
    const log = JSON.parse(source.store.getState().exportLog()) as {
      records: { status: string }[];
    };
    const third = log.records[3];
    if (third !== undefined) third.status = 'lost';
    const target = createTestStore();
    const result = await target.store.getState().importLog(JSON.stringify(log));
    const problem = {
      record: 'records[3]',
      field: 'status',
      message: 'expected one of pending|processing|completed|failed|cancelled|skipped|aborted',
    };
    expect(result).toEqual({
      ok: false,
      error:
        'The file is not a valid Lifecycle Lab log: records[3].status: expected one of pending|processing|completed|failed|cancelled|skipped|aborted',
      partial: { problems: [problem], importable: log.records.length - 1 },
    });
    expect(target.store.records.order.toArray()).toEqual([]);
  });

  test('a file over the size limit is rejected before it is read, and nothing changes', async () => {
    const text = JSON.stringify({ ...valid(), padding: 'x'.repeat(MEGABYTE) });
    const result = parseLog(text, lionherd, 'huge.json', { maxBytes: MEGABYTE });
    expect(result).toEqual({
      ok: false,
      error: '"huge.json" is 1.0 MB; the largest log this dashboard imports is 1.0 MB.',
    });
    const harness = await busyStore();
    const before = harness.store.records.version();
    expect(MAX_IMPORT_BYTES).toBe(512 * MEGABYTE);
    expect(harness.store.records.version()).toBe(before);
  });

  test('a file just under the limit in multi-byte text is measured in bytes', () => {
    const text = JSON.stringify({ ...valid(), padding: 'é'.repeat(MEGABYTE / 2) });
    expect(text.length).toBeLessThan(MEGABYTE);
    const result = parseLog(text, lionherd, undefined, { maxBytes: MEGABYTE });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/the largest log this dashboard imports is 1\.0 MB/);
  });
});

describe('lionherd-core logs', () => {
  test('a lionherd-core notebook log is imported as read-only records, newest first', async () => {
    const harness = createTestStore();
    const count = (JSON.parse(fixture) as unknown[]).length;
    const result = await harness.store.getState().importLog(fixture, 'notebook-run.json');
    expect(result).toEqual({
      ok: true,
      added: count,
      skipped: 0,
      format: 'lionherd',
      merged: { events: 0, snapshots: 0 },
      leftOut: [],
    });
    const records = recordsInOrder(harness);
    expect(records).toHaveLength(count);
    for (const record of records) {
      expect(record.source).toBe('imported');
      expect(record.importedFrom).toMatchObject({
        format: 'lionherd',
        fileName: 'notebook-run.json',
      });
    }
    const times = records.map((record) => record.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  test('imported lionherd-core records survive a reload unchanged', async () => {
    vi.useRealTimers();
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    await first.store.getState().importLog(fixture, 'notebook-run.json');
    const imported = first.store.records.size();
    await vi.waitFor(async () => {
      expect((await browser.rows()).size).toBe(imported);
    });
    browser.closePage(first.tab);
    const second = await browser.openPage();
    expect(second.store.getState().notices).toEqual([]);
    expect(recordsInOrder(second)).toEqual(recordsInOrder(first));
  });

  test('a broken lionherd-core log is rejected and nothing changes', async () => {
    const harness = createTestStore();
    const log = JSON.parse(fixture) as { execution: { status: string } }[];
    const first = log[0];
    if (first !== undefined) first.execution.status = 'exploded';
    const result = await harness.store.getState().importLog(JSON.stringify(log), 'run.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^"run\.json" is not a valid lionherd-core log: /);
      expect(result.error).toMatch(/\[0\]\.execution\.status/);
    }
    expect(harness.store.records.order.toArray()).toEqual([]);
  });
});

describe('native events exported as a lionherd log', () => {
  test('keep their parameters’ types and point a fresh attempt at its original’s exact created_at', async () => {
    const harness = createTestStore();
    const { launch } = harness.store.getState();
    await launch('simple', { returnValue: '42' });
    await launch('failing', { errorMsg: 'broke' });
    await vi.advanceTimersByTimeAsync(100);
    const failed = recordsInOrder(harness).find((record) => record.kind === 'failing');
    harness.store.getState().retryFresh(failed?.id ?? '');
    await vi.advanceTimersByTimeAsync(100);
    harness.flush();

    const exported = toLionherdRecords(recordsInOrder(harness));
    const byClass = (name: string) =>
      exported.filter((record) => JSON.stringify(record.metadata).includes(name));
    expect(byClass('lifecycle_lab.SimpleEvent')[0]?.return_value).toBe(42);
    const [fresh, original] = byClass('lifecycle_lab.FailingEvent');
    expect(fresh?.metadata).toMatchObject({
      original: { id: original?.id, created_at: original?.created_at },
    });
  });
});

describe('the samples the dashboard ships', () => {
  test.each([
    ['lifecycle-lab-sample.json', lifecycleLabSample],
    ['lionherd-notebook-run.json', lionherdSample],
  ])('public/samples/%s imports without a problem', async (name, text) => {
    const harness = createTestStore();
    const result = await harness.store.getState().importLog(text, name);
    expect(result).toMatchObject({ ok: true, skipped: 0 });
    expect(harness.store.records.order.toArray().length).toBeGreaterThan(0);
  });
});

describe('loading the log readers', () => {
  test('an import whose readers cannot be loaded says so and changes nothing', async () => {
    vi.doMock('./formats/readLogInBackground', () => {
      throw new Error('the network is down');
    });
    try {
      const harness = createTestStore();
      const result = await harness.store.getState().importLog(fixture, 'notebook-run.json');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatch(/^The log reader could not be loaded \(.*\)\. Check the/);
      }
      expect(harness.store.records.order.toArray()).toEqual([]);
    } finally {
      vi.doUnmock('./formats/readLogInBackground');
    }
  });
});
