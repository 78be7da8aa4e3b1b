/** What {@link Scheduler.setTimeout} returns: opaque, only for handing back to `clearTimeout`. */
export type TimerHandle = unknown;

/**
 * What the core waits with: event timeouts, retry backoff and the demo kinds' sleeps.
 * Replace it, with a {@link Clock} that agrees with it, to run events in virtual time (a
 * lesson clock that pauses and steps) or under fake timers.
 *
 * ```ts
 * const scheduler: Scheduler = {
 *   setTimeout: (callback, ms) => myTimers.add(callback, ms),
 *   clearTimeout: (handle) => myTimers.remove(handle),
 * };
 * const event = new SlowEvent({ delay: 2, timeout: 1, scheduler });
 * ```
 *
 * @see Clock
 */
export interface Scheduler {
  /** Calls `callback` once, after `ms` milliseconds of this scheduler's time. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Stops a callback that has not run yet; does nothing for one that ran or was cleared. */
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The global `setTimeout` and `clearTimeout`, read at each call so that fake timers installed
 * later (Vitest's, Playwright's `page.clock`) are followed.
 */
export const systemScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
