import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { selectChain } from './selectors';
import { createTestStore, errorOf, type TestStore } from './testHelpers';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const policy = { maxAttempts: 4, baseDelay: 1, factor: 2, jitter: 0 };

/** A random source that answers from `values` in turn, then repeats the last. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

async function launchAndSettle(harness: TestStore, kind: string, params: unknown): Promise<string> {
  const result = await harness.store.getState().launch(kind, params);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  return result.ids[0] ?? '';
}

test('a retry run stops at the first non-retryable failure and says why in words', async () => {
  const harness = createTestStore({ random: () => 0 });
  const id = await launchAndSettle(harness, 'flaky', { failureRate: 1, errorKind: 'validation' });
  const outcome = await harness.store.getState().runRetryPolicy(id, policy);
  harness.flush();
  expect(outcome).toEqual({ ok: true, outcome: 'not-retryable' });
  const run = harness.store.getState().retryRuns[id];
  expect(run).toMatchObject({
    status: 'done',
    outcome: 'not-retryable',
    attempt: 1,
    maxAttempts: 4,
    nextRetryAt: null,
    reason: "stopped: not retryable: ValidationError 'bad input' is not retryable",
  });
  // The failed record was terminal, so the run's first attempt is a fresh one.
  expect(selectChain(harness.store.records, id).map((r) => r.attempt)).toEqual([1, 2]);
});

test('a retry run grows the chain live, shows attempt N of M and the next retry time', async () => {
  // Dice and jitter share the random source: launch fails, (attempt, wait) twice, then completes.
  const harness = createTestStore({ random: sequence(0, 0, 0, 0, 0, 0.99) });
  const id = await launchAndSettle(harness, 'flaky', { failureRate: 0.5 });
  const start = Date.now();
  const running = harness.store.getState().runRetryPolicy(id, policy);
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  expect(harness.store.getState().retryRuns[id]).toMatchObject({
    attempt: 1,
    maxAttempts: 4,
    status: 'waiting',
    nextRetryAt: start + 1_000,
  });
  expect(selectChain(harness.store.records, id)).toHaveLength(2);

  await vi.advanceTimersByTimeAsync(1_000);
  harness.flush();
  expect(harness.store.getState().retryRuns[id]).toMatchObject({
    attempt: 2,
    status: 'waiting',
    nextRetryAt: start + 3_000,
  });
  const chain = selectChain(harness.store.records, id);
  expect(chain.map((r) => [r.attempt, r.status])).toEqual([
    [1, 'failed'],
    [2, 'failed'],
    [3, 'failed'],
  ]);
  expect(chain[2]?.metadata.attempt).toBe(3);
  expect(chain[2]?.originalId).toBe(chain[1]?.id);

  await vi.advanceTimersByTimeAsync(2_000);
  expect(await running).toEqual({ ok: true, outcome: 'completed' });
  harness.flush();
  expect(harness.store.getState().retryRuns[id]).toMatchObject({
    status: 'done',
    outcome: 'completed',
    attempt: 3,
    reason: 'completed on attempt 3 of 4',
  });
  expect(selectChain(harness.store.records, id).map((r) => r.status)).toEqual([
    'failed',
    'failed',
    'failed',
    'completed',
  ]);
});

test('a retry run that never succeeds gives up after its last attempt', async () => {
  const harness = createTestStore({ random: () => 0 });
  const id = await launchAndSettle(harness, 'failing', {});
  const running = harness.store.getState().runRetryPolicy(id, { ...policy, maxAttempts: 2 });
  await vi.advanceTimersByTimeAsync(10_000);
  expect(await running).toEqual({ ok: true, outcome: 'exhausted' });
  expect(harness.store.getState().retryRuns[id]?.reason).toBe(
    "stopped: gave up after 2 of 2 attempts (the last ended failed; retryable: ValueError 'Something broke' does not say it is not, so it counts as retryable)",
  );
});

test('a retry run on a processing event takes it as the first attempt', async () => {
  const harness = createTestStore();
  const result = await harness.store.getState().launch('slow', { delay: 1 });
  if (!result.ok) throw new Error('launch failed');
  const id = result.ids[0] ?? '';
  const running = harness.store.getState().runRetryPolicy(id, policy);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(await running).toEqual({ ok: true, outcome: 'completed' });
  harness.flush();
  expect(selectChain(harness.store.records, id)).toHaveLength(1);
  expect(harness.store.records.get(id)).toMatchObject({ invokeCalls: 2, runs: 1 });
});

test('stopping a retry run while it waits ends it aborted', async () => {
  const harness = createTestStore({ random: () => 0 });
  const id = await launchAndSettle(harness, 'failing', {});
  const running = harness.store.getState().runRetryPolicy(id, { ...policy, baseDelay: 30 });
  await vi.advanceTimersByTimeAsync(0);
  expect(harness.store.getState().retryRuns[id]?.status).toBe('waiting');
  expect(harness.store.getState().stopRetryRun(id)).toEqual({ ok: true });
  expect(await running).toEqual({ ok: true, outcome: 'aborted' });
  expect(harness.store.getState().retryRuns[id]).toMatchObject({
    status: 'done',
    outcome: 'aborted',
  });
});

test('an invalid retry policy is refused and nothing runs', async () => {
  const harness = createTestStore();
  const id = await launchAndSettle(harness, 'failing', {});
  expect(
    errorOf(await harness.store.getState().runRetryPolicy(id, { ...policy, jitter: 2 })),
  ).toContain('jitter must be between 0 and 1');
  expect(harness.store.records.order.toArray()).toHaveLength(1);
  expect(harness.store.getState().retryRuns).toEqual({});
});

test('a second run on a chain that is still running is refused', async () => {
  const harness = createTestStore({ random: () => 0 });
  const id = await launchAndSettle(harness, 'failing', {});
  const running = harness.store.getState().runRetryPolicy(id, { ...policy, baseDelay: 30 });
  expect(await harness.store.getState().runRetryPolicy(id, policy)).toEqual({
    ok: false,
    error: 'A retry run is already going on for this chain of attempts.',
  });
  harness.store.getState().stopRetryRun(id);
  await running;
  expect(harness.store.getState().stopRetryRun(id)).toEqual({
    ok: false,
    error: 'No retry run is going on for this chain of attempts.',
  });
});
