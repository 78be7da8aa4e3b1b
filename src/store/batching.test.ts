import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { LAUNCH_SLICE } from './launchActions';
import { createTestStore } from './testHelpers';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('a launch of 1,000 events is one store update per slice, and all their completions are one more', async () => {
  const harness = createTestStore();
  const result = await harness.store.getState().launch('simple', {}, 1_000);
  expect(result.ok).toBe(true);
  expect(harness.updates).toBe(1_000 / LAUNCH_SLICE);
  expect(harness.store.getState().order).toHaveLength(1_000);

  await vi.advanceTimersByTimeAsync(0); // 1,000 completions arrive
  expect(harness.scheduled).toBe(1);
  expect(harness.updates).toBe(1_000 / LAUNCH_SLICE);
  harness.flush();
  expect(harness.updates).toBe(1_000 / LAUNCH_SLICE + 1);
  const statuses = new Set(Object.values(harness.store.getState().records).map((r) => r.status));
  expect([...statuses]).toEqual(['completed']);
}, 30_000);

test('a thousand progress reports between two frames become a single update', async () => {
  const harness = createTestStore();
  await harness.store.getState().launch('progress', { steps: 10, stepDelay: 0.1 }, 200);
  harness.flush();
  harness.resetUpdates();
  await vi.advanceTimersByTimeAsync(550); // 5 reports from each of 200 events
  expect(harness.updates).toBe(0);
  harness.flush();
  expect(harness.updates).toBe(1);
  const first = Object.values(harness.store.getState().records)[0];
  expect(first?.progress).toBe(0.5);
}, 30_000);

test('a flush replaces only the records that changed', async () => {
  const harness = createTestStore();
  const slow = await harness.store.getState().launch('slow', { delay: 60 });
  const quick = await harness.store.getState().launch('simple', {});
  if (!slow.ok || !quick.ok) throw new Error('launch failed');
  const before = harness.store.getState().records;
  const order = harness.store.getState().order;
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  const after = harness.store.getState().records;
  expect(after).not.toBe(before);
  expect(after[slow.ids[0] ?? '']).toBe(before[slow.ids[0] ?? '']);
  expect(after[quick.ids[0] ?? '']).not.toBe(before[quick.ids[0] ?? '']);
  expect(harness.store.getState().order).toBe(order);
});

test('a flush with nothing queued does not update the store', () => {
  const harness = createTestStore();
  harness.flush();
  expect(harness.updates).toBe(0);
});
