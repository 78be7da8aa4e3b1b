/**
 * A wait before the next try, as a value: `duration` now, `next()` for the one after a
 * further failure. Start again from the first value after a success.
 *
 * ```ts
 * let backoff = exponentialBackoff({ initial: 250, max: 10_000 });
 * setTimeout(retry, backoff.duration); // 250 ms (less some jitter)
 * backoff = backoff.next();            // 500 ms next time
 * ```
 */
export interface Backoff {
  /** Milliseconds to wait. */
  readonly duration: number;
  next(): Backoff;
}

export interface ExponentialBackoffOptions {
  /** The first wait, ms (default 250). */
  initial?: number;
  /** The longest wait, ms (default 10,000). */
  max?: number;
  /** Each wait is this many times the one before (default 2). */
  factor?: number;
  /** Share of each wait that is random, 0..1 (default 0.2), so restarted sources spread out. */
  jitter?: number;
  /** Randomness, `[0, 1)`. */
  random?: () => number;
}

/** Exponential backoff with jitter, capped at `max`. */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const initial = options.initial ?? 250;
  const max = options.max ?? 10_000;
  const factor = options.factor ?? 2;
  const jitter = options.jitter ?? 0.2;
  const random = options.random ?? Math.random;
  const make = (exact: number): Backoff => ({
    duration: exact * (1 - jitter * random()),
    next: () => make(Math.min(max, exact * factor)),
  });
  return make(Math.min(max, initial));
}
