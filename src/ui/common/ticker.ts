import { useSyncExternalStore } from 'react';

/** How often live durations move on screen. */
const TICK_MS = 100;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
/** Where the time comes from: the wall clock, or the lesson clock events now run on. */
let source: { now(): number } = Date;
let now = source.now();

/** Live durations follow this clock from now on (a lesson clock), or the wall clock again. */
export function setTickerClock(clock: { now(): number } | null): void {
  source = clock ?? Date;
  now = source.now();
  for (const notify of listeners) notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = source.now();
    timer = setInterval(() => {
      now = source.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = (): number => now;
const noSubscription = (): (() => void) => () => undefined;

/**
 * The current time from one page-wide ticker: however many rows show a live duration, one
 * interval runs, and only while someone listens. Pass `active: false` to stop listening
 * (the component then keeps the last value and does not re-render on ticks).
 */
export function useNow(active: boolean): number {
  return useSyncExternalStore(active ? subscribe : noSubscription, getNow, getNow);
}
