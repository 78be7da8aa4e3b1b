import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { LAUNCH_SLICE, LAUNCH_SLICE_MS } from './slices/launchSlice';
import { createEventStore } from './createEventStore';
import { allRecords, createTestStore } from './testHelpers';

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
  expect(harness.store.records.order.toArray()).toHaveLength(1_000);

  await vi.advanceTimersByTimeAsync(0); // 1,000 completions arrive
  expect(harness.scheduled).toBe(1);
  expect(harness.updates).toBe(1_000 / LAUNCH_SLICE);
  harness.flush();
  expect(harness.updates).toBe(1_000 / LAUNCH_SLICE + 1);
  const statuses = new Set(allRecords(harness.store).map((r) => r.status));
  expect([...statuses]).toEqual(['completed']);
}, 30_000);

test('on a slow machine a slice is cut when its time is spent, and every event is still launched and listed once', async () => {
  const harness = createTestStore();
  // Every look at the clock finds a millisecond gone: a slice makes LAUNCH_SLICE_MS events.
  let now = 0;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
  const result = await harness.store.getState().launch('simple', {}, 100);
  clock.mockRestore();
  if (!result.ok) throw new Error(result.error);
  expect(new Set(result.ids).size).toBe(100);
  expect(harness.updates).toBe(Math.ceil(100 / LAUNCH_SLICE_MS));
  const listed = harness.store.records.order.toArray();
  expect(listed).toHaveLength(100);
  expect(new Set(listed)).toEqual(new Set(result.ids));
});

test('a thousand progress reports between two frames become a single update', async () => {
  const harness = createTestStore();
  await harness.store.getState().launch('progress', { steps: 10, stepDelay: 0.1 }, 200);
  harness.flush();
  harness.resetUpdates();
  await vi.advanceTimersByTimeAsync(550); // 5 reports from each of 200 events
  expect(harness.updates).toBe(0);
  harness.flush();
  expect(harness.updates).toBe(1);
  const first = allRecords(harness.store)[0];
  expect(first?.progress).toBe(0.5);
}, 30_000);

test('a flush replaces only the records that changed', async () => {
  const harness = createTestStore();
  const slow = await harness.store.getState().launch('slow', { delay: 60 });
  const quick = await harness.store.getState().launch('simple', {});
  if (!slow.ok || !quick.ok) throw new Error('launch failed');
  const { records } = harness.store;
  const slowBefore = records.get(slow.ids[0] ?? '');
  const quickBefore = records.get(quick.ids[0] ?? '');
  const order = harness.store.records.order.toArray();
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  expect(records.get(slow.ids[0] ?? '')).toBe(slowBefore);
  expect(records.get(quick.ids[0] ?? '')).not.toBe(quickBefore);
  expect(harness.store.records.order.toArray()).toBe(order);
});

test('a flush with nothing queued does not update the store', () => {
  const harness = createTestStore();
  harness.flush();
  expect(harness.updates).toBe(0);
});

test('the records port hears each frame with only the records that changed in it', async () => {
  const harness = createTestStore();
  const slow = await harness.store.getState().launch('slow', { delay: 60 });
  const quick = await harness.store.getState().launch('simple', {}, 3);
  if (!slow.ok || !quick.ok) throw new Error('launch failed');
  const heard: string[][] = [];
  harness.store.records.subscribeChanges((changes) => {
    heard.push(changes.upserted.map((record) => record.id));
  });
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  expect(heard).toHaveLength(1);
  expect([...(heard[0] ?? [])].sort()).toEqual([...quick.ids].sort());
  expect(harness.store.records.size()).toBe(4);
});

test('a frame whose budget is spent leaves the remaining events for the next frame', async () => {
  const harness = createTestStore({ frameBudgetMs: 0 });
  const launched = await harness.store.getState().launch('slow', { delay: 1 }, 600);
  if (!launched.ok) throw new Error('launch failed');
  harness.flush();
  await vi.advanceTimersByTimeAsync(1_000); // 600 completions arrive
  harness.resetUpdates();
  harness.flush();
  expect(harness.updates).toBe(1);
  expect(harness.store.records.counts().completed).toBe(250);
  harness.flush();
  harness.flush();
  expect(harness.store.records.counts().completed).toBe(600);
  expect(harness.scheduled).toBe(0);
});

test('in a browser the changes are applied in a task of their own, never inside an animation frame', async () => {
  // Frames every 16 ms; `inFrame` is true while a frame's callbacks run.
  let inFrame = false;
  vi.stubGlobal('requestAnimationFrame', (callback: (time: number) => void) =>
    setTimeout(() => {
      inFrame = true;
      try {
        callback(performance.now());
      } finally {
        inFrame = false;
      }
    }, 16),
  );
  try {
    const store = createEventStore({ storage: null, clock: { now: () => Date.now() } });
    const appliedInFrame: boolean[] = [];
    store.records.subscribe(() => appliedInFrame.push(inFrame));
    const launched = await store.getState().launch('status-tracking', {}, 300);
    if (!launched.ok) throw new Error(launched.error);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.records.counts().completed).toBe(300);
    expect(appliedInFrame.length).toBeGreaterThan(1);
    expect(appliedInFrame).not.toContain(true);
  } finally {
    vi.unstubAllGlobals();
  }
});
