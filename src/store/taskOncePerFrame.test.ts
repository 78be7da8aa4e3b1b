import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { taskOncePerFrame } from './notifyManager';

/** Frames every 16 ms on Vitest's fake clock; returns when each frame callback ran. */
function fakeFrames(): number[] {
  const frames: number[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) =>
    setTimeout(
      () => {
        frames.push(Date.now());
        callback();
      },
      16 - (Date.now() % 16),
    ),
  );
  return frames;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

test('runs the callback in a task of its own, not in the caller', () => {
  fakeFrames();
  const schedule = taskOncePerFrame();
  const callback = vi.fn();
  schedule(callback);
  expect(callback).not.toHaveBeenCalled();
  vi.advanceTimersByTime(0);
  expect(callback).toHaveBeenCalledTimes(1);
});

test('a second callback in the same frame waits for the task after the next frame', () => {
  const frames = fakeFrames();
  const schedule = taskOncePerFrame();
  const first = vi.fn();
  const second = vi.fn(() => Date.now());
  vi.advanceTimersByTime(1);
  schedule(first);
  vi.advanceTimersByTime(0);
  expect(first).toHaveBeenCalledTimes(1);
  schedule(second);
  vi.advanceTimersByTime(14); // 15 ms: the frame at 16 ms has not begun
  expect(second).not.toHaveBeenCalled();
  vi.advanceTimersByTime(15); // 30 ms: past the frame at 16 ms, before the one at 32 ms
  expect(new Set(frames)).toEqual(new Set([16]));
  expect(second).toHaveBeenCalledTimes(1);
  expect(second.mock.results[0]?.value).toBeGreaterThanOrEqual(16);
});

test('after a frame has begun, the next callback runs at once again', () => {
  fakeFrames();
  const schedule = taskOncePerFrame();
  const callback = vi.fn();
  schedule(callback);
  vi.advanceTimersByTime(0);
  vi.advanceTimersByTime(16);
  schedule(callback);
  vi.advanceTimersByTime(0);
  expect(callback).toHaveBeenCalledTimes(2);
});

test('schedulers count their frames apart: one does not hold back another', () => {
  fakeFrames();
  const list = taskOncePerFrame();
  const counters = taskOncePerFrame();
  const callback = vi.fn();
  list(callback);
  counters(callback);
  vi.advanceTimersByTime(0);
  expect(callback).toHaveBeenCalledTimes(2);
});

test('where there are no frames, 16 ms later', () => {
  const schedule = taskOncePerFrame();
  const callback = vi.fn();
  schedule(callback);
  vi.advanceTimersByTime(15);
  expect(callback).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(callback).toHaveBeenCalledTimes(1);
});
