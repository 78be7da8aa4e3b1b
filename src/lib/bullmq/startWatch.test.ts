import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
