import type { Event } from './event.ts';
import { EventStatus } from './status.ts';
import { ValidationError } from './errors/validationError.ts';
import { describeValue } from './serialize/describeValue.ts';
import { eventDefaults } from './config.ts';
import type { Scheduler } from './scheduler.ts';

/** How {@link runWithRetry} spaces and bounds attempts. Times are in seconds. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  maxAttempts?: number;
  /** Wait before the second attempt, in seconds (default 0.1). */
  baseDelay?: number;
  /** Each wait is this many times the one before (default 2). */
  factor?: number;
  /** No wait is longer than this, in seconds (default 30). */
  maxDelay?: number;
  /**
   * Share of each wait that is random, from 0 (exact waits) to 1 ("full jitter": anywhere
   * from zero to the whole wait). Default 0.2. Spreads out callers that failed together.
   */
  jitter?: number;
  /** Stops the run: the attempt in flight is cancelled and no other starts. */
  signal?: AbortSignal;
  /** Copy each attempt's metadata into the next (default `true`). */
  copyMeta?: boolean;
  /** Source of randomness for jitter, `[0, 1)`; replace it for repeatable tests. */
  random?: () => number;
  /** What the backoff waits with (default: the one set with `configureEvents`). */
  scheduler?: Scheduler;
  /** Called as each attempt starts, with its 1-based number. */
  onAttempt?: (info: AttemptInfo) => void;
  /** Called after each attempt that did not complete. */
  onFailedAttempt?: (info: FailedAttemptInfo) => void;
}

export interface AttemptInfo {
  event: Event;
  /** 1-based. */
  attempt: number;
  maxAttempts: number;
}

export interface FailedAttemptInfo extends AttemptInfo {
  retriesLeft: number;
  /** Seconds until the next attempt, or `undefined` when the run stops here. */
  nextDelay: number | undefined;
}

/** How a retry run ended. */
export type RetryOutcome = 'completed' | 'not-retryable' | 'exhausted' | 'aborted';

export interface RetryResult<TEvent extends Event> {
  outcome: RetryOutcome;
  /** Every attempt, first to last; each later one is a fresh copy of the one before. */
  attempts: TEvent[];
  /** The last attempt. */
  last: TEvent;
}

/**
 * Runs an event and, while it fails retryably, fresh copies of it (`asFreshEvent`), with
 * exponential backoff and jitter. Stops at the first completion, the first failure that is
 * not retryable, after `maxAttempts`, or when `signal` aborts. Each attempt's
 * `metadata.attempt` holds its 1-based number and `metadata.original` the attempt before.
 *
 * An event that has already ended counts as the first attempt.
 *
 * ```ts
 * const { outcome, attempts } = await runWithRetry(new FlakyEvent(), { maxAttempts: 5 });
 * ```
 */
export async function runWithRetry<TEvent extends Event>(
  event: TEvent,
  options: RetryOptions = {},
): Promise<RetryResult<TEvent>> {
  const policy = resolvePolicy(options);
  const { signal } = options;
  const attempts: TEvent[] = [];
  let current = event;
  for (let attempt = 1; ; attempt++) {
    attempts.push(current);
    current.metadata.attempt ??= attempt;
    if (isAborted(signal)) {
      current.cancel('Retry run aborted');
      return { outcome: 'aborted', attempts, last: current };
    }
    options.onAttempt?.({ event: current, attempt, maxAttempts: policy.maxAttempts });
    await invokeUnlessAborted(current, signal);

    const { status, retryable } = current.execution;
    if (status === EventStatus.COMPLETED) return { outcome: 'completed', attempts, last: current };
    if (isAborted(signal)) return { outcome: 'aborted', attempts, last: current };
    const retriesLeft = policy.maxAttempts - attempt;
    const outcome: RetryOutcome | undefined =
      retryable !== true ? 'not-retryable' : retriesLeft <= 0 ? 'exhausted' : undefined;
    const nextDelay = outcome === undefined ? delayBefore(attempt + 1, policy) : undefined;
    options.onFailedAttempt?.({
      event: current,
      attempt,
      maxAttempts: policy.maxAttempts,
      retriesLeft,
      nextDelay,
    });
    if (outcome !== undefined || nextDelay === undefined) {
      return { outcome: outcome ?? 'exhausted', attempts, last: current };
    }
    if (!(await sleep(nextDelay, signal, policy.scheduler)))
      return { outcome: 'aborted', attempts, last: current };
    const fresh = current.asFreshEvent({ copyMeta: policy.copyMeta });
    fresh.metadata.attempt = attempt + 1;
    current = fresh;
  }
}

interface Policy {
  maxAttempts: number;
  baseDelay: number;
  factor: number;
  maxDelay: number;
  jitter: number;
  copyMeta: boolean;
  random: () => number;
  scheduler: Scheduler;
}

/** The wait before attempt `n` (n ≥ 2), in seconds, jitter included. */
export function delayBefore(
  attempt: number,
  policy: Omit<Policy, 'maxAttempts' | 'copyMeta' | 'scheduler'>,
): number {
  const exact = Math.min(policy.maxDelay, policy.baseDelay * policy.factor ** (attempt - 2));
  return exact * (1 - policy.jitter * policy.random());
}

function resolvePolicy(options: RetryOptions): Policy {
  const policy: Policy = {
    maxAttempts: options.maxAttempts ?? 3,
    baseDelay: options.baseDelay ?? 0.1,
    factor: options.factor ?? 2,
    maxDelay: options.maxDelay ?? 30,
    jitter: options.jitter ?? 0.2,
    copyMeta: options.copyMeta ?? true,
    random: options.random ?? Math.random,
    scheduler: options.scheduler ?? eventDefaults().scheduler,
  };
  check(
    'maxAttempts',
    policy.maxAttempts,
    Number.isInteger(policy.maxAttempts) && policy.maxAttempts >= 1,
    'a whole number of at least 1',
  );
  check(
    'baseDelay',
    policy.baseDelay,
    isFiniteAtLeast(policy.baseDelay, 0),
    'a finite number of seconds, at least 0',
  );
  check('factor', policy.factor, isFiniteAtLeast(policy.factor, 1), 'a finite number, at least 1');
  check(
    'maxDelay',
    policy.maxDelay,
    isFiniteAtLeast(policy.maxDelay, 0),
    'a finite number of seconds, at least 0',
  );
  check(
    'jitter',
    policy.jitter,
    isFiniteAtLeast(policy.jitter, 0) && policy.jitter <= 1,
    'a number from 0 to 1',
  );
  return policy;
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function isFiniteAtLeast(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min;
}

function check(field: string, value: unknown, ok: boolean, expected: string): void {
  if (!ok) {
    throw new ValidationError(`${field} must be ${expected}, got ${describeValue(value)}`, {
      details: { field, value: describeValue(value) },
    });
  }
}

/** Invokes the event; when `signal` aborts first, cancels it so the wait ends at once. */
async function invokeUnlessAborted(event: Event, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) {
    await event.invoke();
    return;
  }
  const onAbort = (): void => {
    event.cancel('Retry run aborted');
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await event.invoke();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** The longest delay `setTimeout` honours (2^31 - 1 ms); longer ones fire immediately. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** Waits `seconds`, in legs when longer than a timer can wait; resolves `false` early when `signal` aborts. */
function sleep(
  seconds: number,
  signal: AbortSignal | undefined,
  scheduler: Scheduler,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (isAborted(signal)) {
      resolve(false);
      return;
    }
    let timer: unknown;
    const onAbort = (): void => {
      scheduler.clearTimeout(timer);
      resolve(false);
    };
    const wait = (remainingMs: number): void => {
      const leg = Math.min(remainingMs, MAX_TIMER_DELAY_MS);
      timer = scheduler.setTimeout(() => {
        if (remainingMs > leg) {
          wait(remainingMs - leg);
          return;
        }
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      }, leg);
    };
    wait(seconds * 1000);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
