import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEMO_KINDS, defaultParams } from '../../src/store/catalogue';
import { toLionherdRecords } from '../../src/store/formats/lionherd';
import { allRecords, createTestStore } from '../../src/store/testHelpers';

/**
 * A Python service loads the dashboard's "Export as lionherd log" with `Event.from_dict`
 * and the classes of docs/python/lifecycle_lab.py. lionherd-core cannot be installed here:
 * tests/python/stand_in mirrors its `from_dict` rules (see the file), and python3 runs it.
 */

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

interface Loaded {
  id: string;
  loaded?: string;
  refused?: string;
}

function loadInPython(records: unknown[]): Loaded[] {
  const dir = mkdtempSync(join(tmpdir(), 'lionherd-export-'));
  try {
    const file = join(dir, 'lionherd-events.json');
    writeFileSync(file, JSON.stringify(records, null, 2));
    const run = spawnSync('python3', ['tests/python/load_export.py', file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as Loaded[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a Python service reading a Lifecycle Lab export', () => {
  test('loads every completed event of every kind into its class, fields and all', async () => {
    const harness = createTestStore({ random: () => 0.99 });
    const kinds = DEMO_KINDS.filter((kind) => kind.kind !== 'http');
    for (const kind of kinds) await harness.store.getState().launch(kind.kind, defaultParams(kind));
    await vi.advanceTimersByTimeAsync(5_000);
    harness.flush();
    const exported = toLionherdRecords(allRecords(harness.store));

    const results = loadInPython(exported);
    const completed = exported.filter(
      (record) => (record.execution as { status: string }).status === 'completed',
    );
    expect(completed.length).toBeGreaterThanOrEqual(6);
    for (const record of completed) {
      const result = results.find((entry) => entry.id === record.id);
      expect(result).toEqual({
        id: record.id,
        loaded: (record.metadata as { lion_class: string }).lion_class,
      });
    }
  });

  test('is refused what lionherd-core itself refuses: failed and pending records', async () => {
    const harness = createTestStore();
    await harness.store.getState().launch('failing', { errorMsg: 'broke' });
    await vi.advanceTimersByTimeAsync(100);
    harness.flush();
    const [failed] = toLionherdRecords(allRecords(harness.store));
    const pending = {
      ...failed,
      id: '5e1f0000-0000-4000-8000-000000000001',
      execution: {
        status: 'pending',
        duration: null,
        response: null,
        error: null,
        retryable: null,
      },
    };

    const [failedResult, pendingResult] = loadInPython([failed, pending]);
    expect(failedResult?.refused).toBe('FailingEvent: execution.error: a dict is not an exception');
    expect(pendingResult?.refused).toBe(
      'FailingEvent: execution.duration: None is not a float; execution.retryable: None is not a bool',
    );
  });

  test('is refused a field the class does not have, as pydantic forbids extras', () => {
    const record = {
      id: '5e1f0000-0000-4000-8000-000000000002',
      created_at: '2026-11-30T19:02:52.573783+00:00',
      metadata: { lion_class: 'lifecycle_lab.SimpleEvent' },
      execution: { status: 'completed', duration: 0.1, response: 1, error: null, retryable: false },
      returnValue: 1,
    };
    expect(loadInPython([record])[0]?.refused).toBe(
      'SimpleEvent: returnValue: Extra inputs are not permitted',
    );
  });
});
