import { useMemo, useSyncExternalStore } from 'react';

/** How often live durations move on screen. */
const TICK_MS = 100;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
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

/**
 * "Now" on `clock`, read again on every tick of the page-wide ticker: the live time of an
 * event in the clock it runs on (a lesson clock that may be paused or slowed, or the wall
 * clock), so its duration never mixes two clocks.
 */
export function useClockNow(clock: { now(): number }, active: boolean): number {
  const tick = useNow(active);
  // `tick` is the cue to read the clock again; its value is not needed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => clock.now(), [clock, tick]);
}
