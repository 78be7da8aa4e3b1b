import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { makeRecord } from '../../tests/interop/makeRecord';
import { createRecordsCache } from './records/recordsCache';
import { createRecordsNotifier, type NotifierClock } from './recordsNotifier';

/** Frames every 16 ms on Vitest's fake clock. */
const FAKE_CLOCK: NotifierClock = {
  schedule: (tell) => {
    setTimeout(tell, 16);
  },
  now: () => Date.now(),
  wait: (then, ms) => {
    setTimeout(then, ms);
  },
};

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Adds a new record every `everyMs` for `forMs`, advancing the clock as it goes. */
function flood(cache: ReturnType<typeof createRecordsCache>, forMs: number, everyMs = 4): void {
  for (let at = 0; at < forMs; at += everyMs) {
    cache.upsert([makeRecord({ id: `e${String(Date.now())}-${String(at)}` })], 'newer');
    vi.advanceTimersByTime(everyMs);
  }
}

/** A records cache with a listener on its notifier for `everyMs`. */
function listening(everyMs: number) {
  const cache = createRecordsCache();
  const told = vi.fn();
  const unsubscribe = createRecordsNotifier(cache, everyMs, FAKE_CLOCK)(told);
  return { cache, told, unsubscribe };
}

describe('createRecordsNotifier', () => {
  test('tells the changes of one frame once, at the frame', () => {
    const { cache, told } = listening(0);
    cache.upsert([makeRecord({ id: 'a' })], 'newer');
    cache.upsert([makeRecord({ id: 'b' })], 'newer');
    expect(told).not.toHaveBeenCalled();
    vi.advanceTimersByTime(16);
    expect(told).toHaveBeenCalledTimes(1);
  });

  test('per frame by default: a second of steady changes is told about every frame', () => {
    const { cache, told } = listening(0);
    flood(cache, 1000);
    expect(told.mock.calls.length).toBeGreaterThan(50);
  });

  test('with everyMs, a flood is told at most once every everyMs', () => {
    const { cache, told } = listening(100);
    flood(cache, 1000);
    expect(told.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(told.mock.calls.length).toBeLessThanOrEqual(11);
  });

  test('with everyMs, the first change after a quiet spell is told at the next frame', () => {
    const { cache, told } = listening(100);
    cache.upsert([makeRecord({ id: 'a' })], 'newer');
    vi.advanceTimersByTime(16);
    expect(told).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    cache.upsert([makeRecord({ id: 'b' })], 'newer');
    vi.advanceTimersByTime(16);
    expect(told).toHaveBeenCalledTimes(2);
  });

  test('nothing is lost: the last change of a flood is always told', () => {
    const cache = createRecordsCache();
    let seen = 0;
    createRecordsNotifier(
      cache,
      100,
      FAKE_CLOCK,
    )(() => {
      seen = cache.size();
    });
    flood(cache, 250);
    vi.advanceTimersByTime(200);
    expect(seen).toBe(cache.size());
  });

  test('an unsubscribed listener is not told', () => {
    const { cache, told, unsubscribe } = listening(0);
    unsubscribe();
    cache.upsert([makeRecord({ id: 'a' })], 'newer');
    vi.advanceTimersByTime(100);
    expect(told).not.toHaveBeenCalled();
  });
});
