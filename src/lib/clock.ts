/**
 * The core's source of time. Replace it to control timestamps and durations in tests.
 *
 * ```ts
 * let now = 0;
 * const clock: Clock = { now: () => now };
 * const event = new SimpleEvent({ clock });
 * ```
 */
export interface Clock {
  /** Milliseconds since the Unix epoch; fractions allowed. Must never run backwards. */
  now(): number;
}

/** The `performance` last read, and its `timeOrigin`: a getter, constant while it is. */
let seenPerformance: typeof performance | undefined;
let timeOrigin = 0;

/**
 * High-resolution wall-clock time from `performance`, so that sub-millisecond durations
 * are measured rather than rounded to zero. Follows a replaced global `performance` (fake
 * timers install their own).
 */
export const systemClock: Clock = {
  now: () => {
    const perf = performance;
    if (perf !== seenPerformance) {
      seenPerformance = perf;
      timeOrigin = perf.timeOrigin;
    }
    return timeOrigin + perf.now();
  },
};
