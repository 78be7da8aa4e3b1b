import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledSubscribe } from './throttledSubscribe';

/** A source of changes the test fires by hand. */
function changes() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire: () => {
      for (const listener of listeners) listener();
    },
    get size() {
      return listeners.size;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('throttledSubscribe', () => {
  it('tells the first change at once, then at most once per interval, never losing the last', () => {
    const source = changes();
    const heard = vi.fn();
    throttledSubscribe(source.subscribe, 250)(heard);

    source.fire();
    vi.advanceTimersByTime(0);
    expect(heard).toHaveBeenCalledTimes(1);

    for (let n = 0; n < 100; n += 1) {
      source.fire();
      vi.advanceTimersByTime(2); // 100 changes in 200 ms
    }
    expect(heard).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    expect(heard).toHaveBeenCalledTimes(2);

    vi.advanceTimersByTime(1_000);
    expect(heard).toHaveBeenCalledTimes(2);
    source.fire();
    vi.advanceTimersByTime(0);
    expect(heard).toHaveBeenCalledTimes(3);
  });

  it('stops listening, and drops a change still waiting, once unsubscribed', () => {
    const source = changes();
    const heard = vi.fn();
    const unsubscribe = throttledSubscribe(source.subscribe, 250)(heard);
    source.fire();
    vi.advanceTimersByTime(0);
    source.fire();
    unsubscribe();
    vi.advanceTimersByTime(1_000);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(source.size).toBe(0);
  });
});
