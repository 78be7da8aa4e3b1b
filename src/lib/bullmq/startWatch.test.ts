import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createStartWatch } from './startWatch.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createStartWatch', () => {
  it('calls a callback once it has waited, not before', () => {
    const watch = createStartWatch(100);
    const called = vi.fn();
    watch.add(called);
    vi.advanceTimersByTime(99);
    expect(called).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(called).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1_000);
    expect(called).toHaveBeenCalledOnce();
  });

  it('never calls a callback deleted in time', () => {
    const watch = createStartWatch(100);
    const called = vi.fn();
    watch.add(called);
    vi.advanceTimersByTime(50);
    watch.delete(called);
    vi.advanceTimersByTime(1_000);
    expect(called).not.toHaveBeenCalled();
  });

  it('calls each callback its own wait after it was added, in order', () => {
    const watch = createStartWatch(100);
    const calls: [string, number][] = [];
    const callback = (name: string) => () => calls.push([name, Date.now()]);
    const start = Date.now();
    const first = callback('first');
    watch.add(first);
    vi.advanceTimersByTime(30);
    watch.add(callback('second'));
    vi.advanceTimersByTime(30);
    watch.add(callback('third'));
    // The oldest goes before it falls due: the timer set for it finds nothing to call.
    watch.delete(first);
    vi.advanceTimersByTime(500);
    expect(calls).toEqual([
      ['second', start + 130],
      ['third', start + 160],
    ]);
  });

  it('keeps one timer, however many callbacks wait', () => {
    const watch = createStartWatch(100);
    for (let index = 0; index < 1_000; index++) watch.add(() => undefined);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('createStartWatch, callbacks ending out of order', () => {
  it('calls exactly the ones still waiting when they fall due, oldest first', () => {
    const watch = createStartWatch(100);
    const calls: number[] = [];
    const callbacks = Array.from({ length: 8 }, (_, index) => () => calls.push(index));
    for (const callback of callbacks) {
      watch.add(callback);
      vi.advanceTimersByTime(10);
    }
    // Deleted from the middle, the back and the front, and one twice.
    for (const index of [3, 7, 0, 3]) watch.delete(callbacks[index] ?? (() => undefined));
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual([1, 2, 4, 5, 6]);
    expect(vi.getTimerCount()).toBe(0);
    // Added again after all that: waits its own time.
    watch.add(callbacks[0] ?? (() => undefined));
    vi.advanceTimersByTime(99);
    expect(calls).toHaveLength(5);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([1, 2, 4, 5, 6, 0]);
  });
});

describe('createStartWatch, against a timer per callback', () => {
  it('calls the same callbacks at the same times, for any adds, deletes and waits', () => {
    const step = fc.oneof(
      fc.record({ add: fc.constant(true) }),
      fc.record({ remove: fc.nat(40) }),
      fc.record({ wait: fc.integer({ min: 0, max: 150 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        vi.useFakeTimers();
        const watch = createStartWatch(100);
        const seen: string[] = [];
        const expected: string[] = [];
        const callbacks: (() => void)[] = [];
        const timers: ReturnType<typeof setTimeout>[] = [];
        for (const next of steps) {
          if ('add' in next) {
            const index = callbacks.length;
            const callback = (): void => {
              seen.push(`${String(index)}@${String(Date.now())}`);
            };
            callbacks.push(callback);
            watch.add(callback);
            timers.push(
              setTimeout(() => expected.push(`${String(index)}@${String(Date.now())}`), 100),
            );
          } else if ('remove' in next) {
            const callback = callbacks[next.remove];
            if (callback === undefined) continue;
            watch.delete(callback);
            clearTimeout(timers[next.remove]);
          } else vi.advanceTimersByTime(next.wait);
        }
        vi.advanceTimersByTime(1_000);
        expect(seen).toEqual(expected);
        vi.useRealTimers();
      }),
    );
  });
});
