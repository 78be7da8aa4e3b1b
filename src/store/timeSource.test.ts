import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLessonClock } from '../lib';
import { liveDuration } from './selectors';
import { createTestStore, freshIdOf, type TestStore } from './testHelpers';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function launchOne(harness: TestStore, kind: string, params: unknown): Promise<string> {
  const result = await harness.store.getState().launch(kind, params);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const [id] = result.ids;
  if (id === undefined) throw new Error('no id');
  return id;
}

describe('the time events run in', () => {
  test('events launched under a paused lesson clock wait for its steps', async () => {
    const harness = createTestStore();
    const lesson = createLessonClock({ clock: { now: () => Date.now() }, paused: true });
    harness.store.getState().setTimeSource({ clock: lesson, scheduler: lesson });
    const id = await launchOne(harness, 'slow', { delay: 1, timeout: 0.05 });
    await vi.advanceTimersByTimeAsync(10_000);
    harness.flush();
    expect(harness.store.records.get(id)?.status).toBe('processing');

    lesson.step();
    await vi.advanceTimersByTimeAsync(0);
    harness.flush();
    const record = harness.store.records.get(id);
    expect(record?.status).toBe('cancelled');
    expect(record?.duration).toBeCloseTo(0.05, 9);
  });

  test('back in real time, new events run on the real timers again', async () => {
    const harness = createTestStore();
    const lesson = createLessonClock({ clock: { now: () => Date.now() }, paused: true });
    harness.store.getState().setTimeSource({ clock: lesson, scheduler: lesson });
    const inLesson = await launchOne(harness, 'slow', { delay: 0.1 });
    harness.store.getState().setTimeSource(null);
    const inRealTime = await launchOne(harness, 'slow', { delay: 0.1 });
    await vi.advanceTimersByTimeAsync(1_000);
    harness.flush();
    const { records } = harness.store;
    expect(records.get(inRealTime)?.status).toBe('completed');
    expect(records.get(inLesson)?.status).toBe('processing');
  });

  test('a retry policy backs off in lesson time', async () => {
    const harness = createTestStore({ random: () => 0 });
    const lesson = createLessonClock({ clock: { now: () => Date.now() }, paused: true });
    harness.store.getState().setTimeSource({ clock: lesson, scheduler: lesson });
    const id = await launchOne(harness, 'flaky', { failureRate: 1 });
    await vi.advanceTimersByTimeAsync(0);
    harness.flush();
    const run = harness.store
      .getState()
      .runRetryPolicy(id, { maxAttempts: 2, baseDelay: 3, factor: 2, jitter: 0 });
    // The policy's schema is fetched first; then the first attempt fails and the backoff waits.
    await vi.waitFor(() => {
      expect(harness.store.getState().retryRuns[id]?.status).toBe('waiting');
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lesson.nextDueIn()).toBe(3_000);
    lesson.step();
    expect(await run).toEqual({ ok: true, outcome: 'exhausted' });
    expect(lesson.elapsed()).toBe(3_000);
  });

  test('each event keeps its own clock for its live duration, whatever clock newer events get', async () => {
    const harness = createTestStore();
    const state = () => harness.store.getState();
    const seconds = (id: string): number | null => {
      const record = harness.store.records.get(id);
      if (record === undefined) throw new Error(`no record ${id}`);
      return liveDuration(record, state().clockOf(id).now());
    };
    const inRealTime = await launchOne(harness, 'slow', { delay: 60 });
    const lesson = createLessonClock({ clock: { now: () => Date.now() }, paused: true });
    state().setTimeSource({ clock: lesson, scheduler: lesson });
    const inLesson = await launchOne(harness, 'slow', { delay: 60 });
    await vi.advanceTimersByTimeAsync(2_000);
    harness.flush();
    expect(seconds(inRealTime)).toBeCloseTo(2, 6);
    expect(seconds(inLesson)).toBe(0); // the lesson clock is paused

    state().setTimeSource(null);
    lesson.setSpeed(0.5);
    lesson.resume();
    await vi.advanceTimersByTimeAsync(2_000);
    harness.flush();
    expect(seconds(inRealTime)).toBeCloseTo(4, 6);
    expect(seconds(inLesson)).toBeCloseTo(1, 6); // two real seconds at half speed
  });

  test('a fresh attempt runs on, and is timed in, the clock of the attempt it was made from', async () => {
    const harness = createTestStore();
    const state = () => harness.store.getState();
    const lesson = createLessonClock({ clock: { now: () => Date.now() }, paused: true });
    state().setTimeSource({ clock: lesson, scheduler: lesson });
    const first = await launchOne(harness, 'failing', {});
    await vi.advanceTimersByTimeAsync(0);
    harness.flush();
    state().setTimeSource(null);
    const retried = freshIdOf(state().retryFresh(first));
    expect(state().clockOf(retried)).toBe(lesson);
    expect(state().clockOf(first)).toBe(lesson);
  });
});
