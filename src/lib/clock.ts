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

/**
 * High-resolution wall-clock time from `performance`, so that sub-millisecond durations
 * are measured rather than rounded to zero.
 */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
};
