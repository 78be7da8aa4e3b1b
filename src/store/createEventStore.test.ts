import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { EventStatus } from '../lib';
import { CUSTOM_KIND, DEMO_KINDS } from './catalogue';
import { compareByCreated } from './createdMs';
import { KIND_SCHEMAS } from './kindSchemas';
import type { LifecycleLabLog } from './types';
import { createTestStore, errorOf, freshIdOf, type TestStore } from './testHelpers';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets every timer due within `ms` fire, then applies the batched changes. */
async function settle(harness: TestStore, ms = 10_000): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  harness.flush();
}

async function launchOne(harness: TestStore, kind: string, params: unknown = {}): Promise<string> {
  const result = await harness.store.getState().launch(kind, params);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const [id] = result.ids;
  if (id === undefined) throw new Error('no id');
  return id;
}

function recordOf(harness: TestStore, id: string) {
  const record = harness.store.records.get(id);
  if (record === undefined) throw new Error(`no record ${id}`);
  return record;
}

describe('launching', () => {
  const expected: Record<string, { status: EventStatus; response?: unknown; error?: string }> = {
    simple: { status: 'completed', response: 42 },
    failing: { status: 'failed', error: 'ValueError' },
    slow: { status: 'completed', response: 'completed' },
    'status-tracking': { status: 'completed', response: 'done' },
    counting: { status: 'completed', response: 'result_1' },
    'multi-error': { status: 'failed', error: 'AggregateError' },
    'null-returning': { status: 'completed', response: null },
    conditional: { status: 'skipped' },
    guarded: { status: 'aborted', error: 'ValidationError' },
    progress: { status: 'completed', response: 5 },
    flaky: { status: 'completed', response: 'ok' },
    // No page in Node to resolve /api/demo against: fetch rejects, a ConnectionError.
    http: { status: 'failed', error: 'ConnectionError' },
  };

  test('the catalogue lists every kind this test expects', () => {
    expect(DEMO_KINDS.map((kind) => kind.kind)).toEqual(Object.keys(expected));
  });

  test('every kind in the catalogue has a schema, and every schema a kind', () => {
    const kinds = [...DEMO_KINDS, CUSTOM_KIND].map((kind) => kind.kind);
    expect(Object.keys(KIND_SCHEMAS).sort()).toEqual(kinds.sort());
  });

  test.each(Object.entries(expected))(
    'a launched %s event with default parameters reaches its expected final status',
    async (kind, outcome) => {
      const harness = createTestStore({ random: () => 0.99 });
      const id = await launchOne(harness, kind);
      await settle(harness);
      const record = recordOf(harness, id);
      expect(record.status).toBe(outcome.status);
      expect(record.execution.status).toBe(outcome.status);
      if ('response' in outcome) expect(record.execution.response).toEqual(outcome.response);
      if (outcome.error !== undefined) expect(record.execution.error?.error).toBe(outcome.error);
      expect(record.transitions.at(-1)?.status).toBe(outcome.status);
      expect(record.kind).toBe(kind);
      expect(record.source).toBe('live');
      expect(record.invokeCalls).toBe(1);
    },
  );

  test('a launch returns one id per event and lists them newest first', async () => {
    const harness = createTestStore();
    const first = await launchOne(harness, 'simple');
    const result = await harness.store.getState().launch('slow', {}, 3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ids).toHaveLength(3);
    const listed = harness.store.records.order.toArray();
    expect(listed.at(-1)).toBe(first);
    const burst = listed.slice(0, 3).map((id) => recordOf(harness, id));
    expect(burst.map((record) => record.id).sort()).toEqual([...result.ids].sort());
    // Newest first; events made in the same millisecond by id.
    expect([...burst].sort(compareByCreated).reverse()).toEqual(burst);
  });

  test('events made in the same millisecond are listed and exported by id, as a reload lists them', async () => {
    const harness = createTestStore({ clock: { now: () => 1_700_000_000_000 } });
    const result = await harness.store.getState().launch('slow', {}, 6);
    if (!result.ok) throw new Error(result.error);
    const newestFirst = [...result.ids].sort().reverse();
    expect(harness.store.records.order.toArray()).toEqual(newestFirst);
    const exported = JSON.parse(harness.store.getState().exportLog()) as LifecycleLabLog;
    expect(exported.records.map((record) => record.id)).toEqual(newestFirst);
  });

  test('a record mirrors the processing state as soon as the launch returns', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'slow', { delay: 5 });
    const record = recordOf(harness, id);
    expect(record.status).toBe('processing');
    expect(record.transitions.map((step) => step.status)).toEqual(['pending', 'processing']);
    expect(record.runs).toBe(1);
    expect(record.duration).toBeNull();
  });

  test('the simple event returns its text as JSON when it parses and as text otherwise', async () => {
    const harness = createTestStore();
    const json = await launchOne(harness, 'simple', { returnValue: '{"a": [1, 2]}' });
    const plain = await launchOne(harness, 'simple', { returnValue: 'hello' });
    await settle(harness);
    expect(recordOf(harness, json).execution.response).toEqual({ a: [1, 2] });
    expect(recordOf(harness, plain).execution.response).toBe('hello');
    expect(recordOf(harness, plain).params).toEqual({ returnValue: 'hello', timeout: null });
  });

  test('a slow event with a timeout below its delay ends cancelled with a TimeoutError', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'slow', { delay: '2', timeout: '0.5' });
    await settle(harness);
    const record = recordOf(harness, id);
    expect(record.status).toBe('cancelled');
    expect(record.execution.error).toMatchObject({
      error: 'TimeoutError',
      message: 'Operation timed out after 0.5s',
    });
    expect(record.retryable).toBe(true);
    expect(record.verdict).toBe(
      "retryable: TimeoutError 'Operation timed out after 0.5s' is retryable",
    );
  });

  test('a failed multi-error event carries the verdict in words', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'multi-error');
    await settle(harness);
    const record = recordOf(harness, id);
    expect(record.execution.error?.exceptions).toHaveLength(3);
    expect(record.verdict).toBe(
      "retryable: all 3 errors inside AggregateError 'multiple errors (3 sub-exceptions)' are retryable",
    );
  });

  test('the progress event reports its progress and message into the record', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'progress', { steps: 4, stepDelay: 1 });
    await vi.advanceTimersByTimeAsync(2_000);
    harness.flush();
    expect(recordOf(harness, id)).toMatchObject({
      progress: 0.5,
      progressMessage: 'step 2 of 4',
      status: 'processing',
    });
    await settle(harness);
    expect(recordOf(harness, id)).toMatchObject({ progress: 1, status: 'completed' });
  });

  test('a flaky event fails with the chosen error kind when the dice say so', async () => {
    const harness = createTestStore({ random: () => 0 });
    const id = await launchOne(harness, 'flaky', { failureRate: 1, errorKind: 'validation' });
    await settle(harness);
    expect(recordOf(harness, id)).toMatchObject({
      status: 'failed',
      retryable: false,
      verdict: "not retryable: ValidationError 'bad input' is not retryable",
    });
  });

  test('flaky events with seeds replay the same outcomes on every launch', async () => {
    const outcomes = async (): Promise<string[]> => {
      const harness = createTestStore({ random: () => 0 });
      const ids: string[] = [];
      for (let seed = 1; seed <= 8; seed++) ids.push(await launchOne(harness, 'flaky', { seed }));
      await settle(harness);
      return ids.map((id) => recordOf(harness, id).status);
    };
    const first = await outcomes();
    expect(first).toEqual(await outcomes());
    expect(new Set(first).size).toBe(2); // some fail, some complete: the seed decides, not `random`
  });

  test('a seeded burst of flaky events gives each its own outcome, the same on every launch', async () => {
    const burst = async (seed: number): Promise<string[]> => {
      const harness = createTestStore({ random: () => 0 });
      const result = await harness.store.getState().launch('flaky', { seed }, 16);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      await settle(harness);
      return result.ids.map((id) => recordOf(harness, id).status);
    };
    const first = await burst(3);
    expect(new Set(first).size).toBe(2); // not sixteen copies of one toss
    expect(await burst(3)).toEqual(first);
    // The first of a burst draws like a single launch with the same seed.
    const single = createTestStore({ random: () => 0 });
    const id = await launchOne(single, 'flaky', { seed: 3 });
    await settle(single);
    expect(recordOf(single, id).status).toBe(first[0]);
  });
});

describe('invalid launches', () => {
  test.each([
    ['slow', { delay: -1 }, 'delay', 'delay must be between 0 and 3600 seconds'],
    ['slow', { timeout: 0 }, 'timeout', 'timeout must be greater than 0 seconds'],
    ['simple', { timeout: 'soon' }, 'timeout', 'timeout must be a number of seconds'],
    ['flaky', { failureRate: 2 }, 'failureRate', 'failure rate must be between 0 and 1'],
    ['progress', { steps: 2.5 }, 'steps', 'steps must be a whole number'],
    [
      'flaky',
      { errorKind: 'boom' },
      'errorKind',
      'error kind must be one of connection, validation, plain',
    ],
  ])(
    '%s with %o is refused with a message on %s and launches nothing',
    async (kind, params, field, message) => {
      const harness = createTestStore();
      const result = await harness.store.getState().launch(kind, params, 5);
      expect(result).toEqual({
        ok: false,
        error: `Nothing was launched: ${field}: ${message}.`,
        issues: [{ field, message }],
      });
      expect(harness.store.records.order.toArray()).toEqual([]);
      expect(harness.updates).toBe(0);
    },
  );

  test('a count outside 1..10000 is refused and launches nothing', async () => {
    const harness = createTestStore();
    for (const count of [0, 10_001, 1.5, Number.NaN]) {
      const result = await harness.store.getState().launch('simple', {}, count);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.field).toBe('count');
    }
    expect(harness.store.records.order.toArray()).toEqual([]);
  });

  test('an unknown kind is refused', async () => {
    const harness = createTestStore();
    expect(await harness.store.getState().launch('teleport', {})).toEqual({
      ok: false,
      error: 'Nothing was launched: kind: unknown kind "teleport".',
      issues: [{ field: 'kind', message: 'unknown kind "teleport"' }],
    });
  });
});

describe('acting on events', () => {
  test('invoking a completed event again counts the call but does not run it again', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'counting');
    await settle(harness);
    expect(await harness.store.getState().invoke(id)).toEqual({ ok: true });
    harness.flush();
    expect(recordOf(harness, id)).toMatchObject({
      invokeCalls: 2,
      runs: 1,
      execution: { response: 'result_1' },
    });
  });

  test('three invokes at once on a running event share its one run', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'slow', { delay: 1 });
    const invoked = harness.store.getState().invoke(id, 3);
    await settle(harness);
    await invoked;
    harness.flush();
    expect(recordOf(harness, id)).toMatchObject({ invokeCalls: 4, runs: 1, status: 'completed' });
  });

  test('cancelling a processing slow event ends it cancelled at once', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'slow', { delay: 60 });
    expect(harness.store.getState().cancel(id, 'changed my mind')).toEqual({ ok: true });
    harness.flush();
    const record = recordOf(harness, id);
    expect(record.status).toBe('cancelled');
    expect(record.execution.error).toMatchObject({
      error: 'CancellationError',
      message: 'changed my mind',
    });
    expect(record.transitions.at(-1)).toMatchObject({
      status: 'cancelled',
      reason: 'changed my mind',
    });
    await settle(harness, 120_000);
    expect(recordOf(harness, id).status).toBe('cancelled');
  });

  test('cancelling an event that has ended changes nothing and says why', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'simple');
    await settle(harness);
    expect(errorOf(harness.store.getState().cancel(id))).toMatch(
      /already ended \(completed\); there is nothing to cancel/,
    );
    expect(recordOf(harness, id).status).toBe('completed');
    // The caller shows the error: the store posts no notice of its own.
    expect(harness.store.getState().notices).toEqual([]);
  });

  test('skipping fails, saying why, unless the event is live and pending', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'simple');
    await settle(harness);
    expect(errorOf(harness.store.getState().skip(id))).toMatch(
      /is completed; only a pending event can be skipped/,
    );
    expect(harness.store.getState().skip('unknown-id')).toEqual({
      ok: false,
      error: 'There is no event with id unknown-id.',
    });
  });

  test('a fresh retry is linked to its original, and the chain is visible from either', async () => {
    const harness = createTestStore();
    const original = await launchOne(harness, 'failing', { errorMsg: 'nope' });
    await settle(harness);
    const retry = freshIdOf(harness.store.getState().retryFresh(original));
    await settle(harness);
    const fresh = recordOf(harness, retry);
    expect(fresh).toMatchObject({
      originalId: original,
      chainId: original,
      attempt: 2,
      status: 'failed',
      params: { errorMsg: 'nope', timeout: null },
      invokeCalls: 1,
      runs: 1,
    });
    expect(fresh.metadata).toMatchObject({ attempt: 2, original: { id: original } });
    const second = freshIdOf(harness.store.getState().retryFresh(retry));
    harness.flush();
    expect(recordOf(harness, second)).toMatchObject({
      originalId: retry,
      chainId: original,
      attempt: 3,
    });
  });

  test('a fresh retry copies metadata only when asked', async () => {
    const harness = createTestStore();
    const original = await launchOne(harness, 'failing');
    await settle(harness);
    const plain = freshIdOf(harness.store.getState().retryFresh(original, { copyMeta: false }));
    const copied = freshIdOf(harness.store.getState().retryFresh(plain, { copyMeta: true }));
    harness.flush();
    expect(Object.keys(recordOf(harness, plain).metadata).sort()).toEqual(['attempt', 'original']);
    expect(recordOf(harness, copied).metadata).toMatchObject({
      attempt: 3,
      original: { id: plain },
    });
  });

  test('selecting and dismissing change only what they name', async () => {
    const harness = createTestStore();
    const id = await launchOne(harness, 'simple');
    harness.store.getState().select(id);
    expect(harness.store.getState().selectedId).toBe(id);
    expect(harness.store.getState().cancel('unknown-id')).toEqual({
      ok: false,
      error: 'There is no event with id unknown-id.',
    });
    harness.store.getState().select(null);
    expect(harness.store.getState().selectedId).toBeNull();
  });

  test('clearing forgets every record and cancels events still running', async () => {
    const harness = createTestStore();
    await launchOne(harness, 'slow', { delay: 60 });
    await launchOne(harness, 'simple');
    harness.store.getState().clear();
    await settle(harness, 120_000);
    expect(harness.store.records.size()).toBe(0);
    expect(harness.store.records.order.toArray()).toEqual([]);
    expect(harness.store.getState()).toMatchObject({ selectedId: null });
  });

  test('the store works with the devtools middleware connected', async () => {
    const harness = createTestStore({ devtools: 'test store' });
    expect(await launchOne(harness, 'simple')).toMatch(/-/);
  });
});
