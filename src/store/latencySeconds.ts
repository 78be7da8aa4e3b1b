/** Longest latency the launch form accepts, in seconds (the demo endpoint's own limit is 60 s). */
export const MAX_LATENCY_SECONDS = 60;

/**
 * The demo endpoint waits whole milliseconds; the dashboard speaks seconds. Rounds to the
 * nearest millisecond, so 0.0004 s is 0 ms and 1.2345 s is 1235 ms.
 *
 * ```ts
 * latencySecondsToMs(1.5); // 1500
 * ```
 */
export function latencySecondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}
