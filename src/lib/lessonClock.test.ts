import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from './clock.ts';
import { SlowEvent } from './demo/slowEvent.ts';
import { ValidationError } from './errors/validationError.ts';
import { createLessonClock, type LessonClock } from './lessonClock.ts';
import { runWithRetry } from './retry.ts';
import { FlakyEvent } from './demo/flakyEvent.ts';

/** Real time as the fake timers tell it. */
const fakeRealClock: Clock = { now: () => Date.now() };

function lesson(options: { speed?: number; paused?: boolean } = {}): LessonClock {
  return createLessonClock({ clock: fakeRealClock, ...options });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-01T00:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a running lesson clock', () => {
  it('follows real time at speed 1', () => {
    const clock = lesson();
    vi.advanceTimersByTime(250);
    expect(clock.elapsed()).toBe(250);
    expect(clock.now()).toBe(Date.now());
  });

  it('runs a timer after its virtual delay, slowed down by the speed', () => {
    const clock = lesson({ speed: 0.1 });
    const fired = vi.fn();
    clock.setTimeout(fired, 50);
    vi.advanceTimersByTime(499);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
    expect(clock.elapsed()).toBeCloseTo(50, 6);
  });

  it('runs faster than real time at speed 4', () => {
    const clock = lesson({ speed: 4 });
    const fired = vi.fn();
    clock.setTimeout(fired, 1000);
    vi.advanceTimersByTime(250);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('keeps virtual time continuous when the speed changes', () => {
    const clock = lesson();
    vi.advanceTimersByTime(100);
    clock.setSpeed(0.5);
    expect(clock.elapsed()).toBe(100);
    vi.advanceTimersByTime(100);
    expect(clock.elapsed()).toBe(150);
  });

  it('runs timers due together in the order they were set', () => {
    const clock = lesson();
    const order: string[] = [];
    clock.setTimeout(() => order.push('b'), 20);
    clock.setTimeout(() => order.push('a'), 10);
    clock.setTimeout(() => order.push('c'), 20);
    // One virtual timer per real one, each in its own task (a real 0 ms timer waits ~1 ms).
    vi.advanceTimersByTime(25);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('does not run a cleared timer', () => {
    const clock = lesson();
    const fired = vi.fn();
    const handle = clock.setTimeout(fired, 10);
    clock.clearTimeout(handle);
    clock.clearTimeout({}); // not one of its own: ignored
    vi.advanceTimersByTime(100);
    expect(fired).not.toHaveBeenCalled();
    expect(clock.pendingCount()).toBe(0);
  });

  it('rejects a speed outside 0.1–4 and keeps the one it had', () => {
    const clock = lesson({ speed: 2 });
    for (const bad of [0, 0.05, 5, Number.NaN, Infinity, '1']) {
      expect(() => {
        clock.setSpeed(bad as number);
      }).toThrow(ValidationError);
    }
    expect(clock.speed).toBe(2);
    expect(() => createLessonClock({ speed: 10 })).toThrow(/speed must be a number from 0.1 to 4/);
  });
});

describe('a paused lesson clock', () => {
  it('stands still and runs nothing while real time passes', () => {
    const clock = lesson({ paused: true });
    const fired = vi.fn();
    clock.setTimeout(fired, 10);
    vi.advanceTimersByTime(10_000);
    expect(fired).not.toHaveBeenCalled();
    expect(clock.elapsed()).toBe(0);
    expect(clock.nextDueIn()).toBe(10);
  });

  it('steps to the next timer, moving virtual time to when it is due', () => {
    const clock = lesson({ paused: true });
    const order: string[] = [];
    clock.setTimeout(() => order.push('late'), 30);
    clock.setTimeout(() => order.push('early'), 10);
    expect(clock.step()).toBe(true);
    expect(order).toEqual(['early']);
    expect(clock.elapsed()).toBe(10);
    expect(clock.step()).toBe(true);
    expect(order).toEqual(['early', 'late']);
    expect(clock.elapsed()).toBe(30);
    expect(clock.step()).toBe(false);
    expect(clock.paused).toBe(true);
  });

  it('carries on from where it stood when resumed', () => {
    const clock = lesson();
    vi.advanceTimersByTime(40);
    clock.pause();
    vi.advanceTimersByTime(1000);
    clock.resume();
    vi.advanceTimersByTime(10);
    expect(clock.elapsed()).toBe(50);
  });

  it('tells its listeners of every change', () => {
    const clock = lesson();
    const listener = vi.fn();
    const stop = clock.subscribe(listener);
    clock.pause();
    clock.setTimeout(() => undefined, 5);
    clock.step();
    clock.setSpeed(3);
    clock.resume();
    expect(listener).toHaveBeenCalledTimes(5);
    stop();
    clock.pause();
    expect(listener).toHaveBeenCalledTimes(5);
  });

  it('lets a throwing timer surface its error and carries on', async () => {
    const clock = lesson({ paused: true });
    const errors: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) => {
      original(() => {
        try {
          task();
        } catch (error) {
          errors.push(error);
        }
      });
    };
    try {
      const after = vi.fn();
      clock.setTimeout(() => {
        throw new Error('boom');
      }, 1);
      clock.setTimeout(after, 2);
      clock.step();
      clock.step();
      await Promise.resolve();
      expect(after).toHaveBeenCalledOnce();
      expect(errors).toEqual([new Error('boom')]);
    } finally {
      globalThis.queueMicrotask = original;
    }
  });
});

describe('events in lesson time', () => {
  it('a 0.05 s timeout can be watched step by step', async () => {
    const clock = lesson({ paused: true });
    const event = new SlowEvent({ delay: 1, timeout: 0.05, clock, scheduler: clock });
    const run = event.invoke();
    expect(event.status).toBe('processing');
    vi.advanceTimersByTime(60_000);
    await Promise.resolve();
    expect(event.status).toBe('processing');
    clock.step();
    await run;
    expect(event.status).toBe('cancelled');
    expect(event.execution.duration).toBeCloseTo(0.05, 9);
    expect(clock.pendingCount()).toBe(0); // the work's sleep was cleared by the abort
  });

  it('the retry backoff waits in lesson time', async () => {
    const clock = lesson({ paused: true });
    const draws = [0, 0.99];
    const event = new FlakyEvent({ clock, scheduler: clock, random: () => draws.shift() ?? 0.99 });
    const run = runWithRetry(event, { baseDelay: 0.1, jitter: 0, scheduler: clock });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clock.nextDueIn()).toBe(100);
    clock.step();
    const result = await run;
    expect(result.outcome).toBe('completed');
    expect(clock.elapsed()).toBe(100);
  });
});
