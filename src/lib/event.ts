import type { Clock } from './clock.ts';
import { eventDefaults } from './config.ts';
import { announceCreation } from './creation.ts';
import { CancellationError } from './errors/cancellationError.ts';
import { TimeoutError } from './errors/timeoutError.ts';
import { ValidationError } from './errors/validationError.ts';
import { Execution, type ExecutionDict } from './execution.ts';
import { systemScheduler, type Scheduler } from './scheduler.ts';
import { createId } from './id.ts';
import { isRetryable } from './retryable.ts';
import { describeValue } from './serialize/describeValue.ts';
import { errorMessageOf } from './serialize/readError.ts';
import { toJsonSafe, UNSERIALIZABLE, type JsonValue } from './serialize/toJsonSafe.ts';
import { EventStatus, isTerminalStatus } from './status.ts';
import { Unset } from './unset.ts';

/** Options every event accepts. Subclasses extend this with their own fields. */
export interface EventInit {
  /** Seconds the work may take before it is cancelled; `null` or absent for no limit. */
  timeout?: number | null;
  /** Free-form, plain-object data carried with the event (copied, never shared). */
  metadata?: Record<string, unknown>;
  /** Time source; defaults to the one set with `configureEvents`. */
  clock?: Clock;
  /**
   * What the timeout (and work that sleeps on `ctx.scheduler`) waits with; defaults to the
   * one set with `configureEvents`. Give a `clock` that agrees with it.
   */
  scheduler?: Scheduler;
}

/** What `_invoke` receives. */
export interface InvokeContext {
  /** Aborted when the event times out or is cancelled; pass it to `fetch` and friends. */
  readonly signal: AbortSignal;
  /** Tells subscribers how far the work has come, as a fraction from 0 to 1. */
  reportProgress(progress: number, message?: string): void;
  /** The event's scheduler: wait on it, so that the work runs in the event's time. */
  readonly scheduler: Scheduler;
}

/** One step of an event's lifecycle, as kept in its history. */
export interface Transition {
  status: EventStatus;
  /** Milliseconds since the Unix epoch, from the event's clock. */
  at: number;
  /** Why the event ended this way, when someone said (cancel, skip, abort). */
  reason?: string;
}

/** What subscribers hear. */
export type EventNotification =
  | { type: 'transition'; from: EventStatus; to: EventStatus; at: number; reason?: string }
  | { type: 'progress'; progress: number; message?: string; at: number };

export type EventSubscriber<TEvent extends Event = Event> = (
  notification: EventNotification,
  event: TEvent,
) => void;

/** How subscribers are kept: the event type is erased so `Event<T>` stays assignable to `Event`. */
type AnySubscriber = (notification: EventNotification, event: unknown) => void;

/** One notification and the listeners it goes to. */
interface Delivery {
  notification: EventNotification;
  listeners: AnySubscriber[];
}

/** The JSON form of an event. */
export interface EventDict {
  id: string;
  /** ISO 8601. */
  created_at: string;
  metadata: Record<string, JsonValue>;
  execution: ExecutionDict;
}

/** Options of {@link Event.asFreshEvent}. */
export interface FreshEventOptions {
  /** Copy the original's metadata into the fresh event (default `false`). */
  copyMeta?: boolean;
}

/** Where a fresh event came from, kept in its `metadata.original`. */
export interface OriginalRef {
  id: string;
  created_at: string;
}

/**
 * An async operation with an observable lifecycle:
 * `pending → processing → completed | failed | cancelled`, or `pending → cancelled |
 * skipped | aborted` without ever running.
 *
 * Subclasses implement `_invoke`. `invoke()` runs it at most once, never rejects, and
 * captures the outcome in `execution`.
 *
 * Subclass constructors take one options object and pass it to `super`; `asFreshEvent`
 * builds the copy by calling the constructor again with that same object.
 *
 * ```ts
 * class Fetch extends Event<unknown> {
 *   readonly url: string;
 *   constructor(init: EventInit & { url: string }) {
 *     super(init);
 *     this.url = init.url;
 *   }
 *   protected async _invoke({ signal }: InvokeContext) {
 *     return (await fetch(this.url, { signal })).json();
 *   }
 * }
 *
 * const event = new Fetch({ url: '/api/items', timeout: 5 });
 * await event.invoke();
 * event.execution.status; // 'completed', 'failed' or 'cancelled'
 * ```
 */
export abstract class Event<TResponse = unknown> {
  /** UUID v4. */
  readonly id: string;
  /** Plain-object metadata; yours to write. */
  readonly metadata: Record<string, unknown>;
  /** Seconds, or `null` for no limit. */
  readonly timeout: number | null;

  readonly #execution = new Execution<TResponse>();
  readonly #init: EventInit;
  readonly #clock: Clock;
  readonly #createdAtMs: number;
  /** Made on first read: an event wrapped around a call is rarely asked for a `Date`. */
  #createdAt: Date | undefined;
  #startedAtMs = Number.NaN;
  #endedAtMs = Number.NaN;
  #endReason: string | undefined;
  #progress: number | undefined;
  #listeners: Set<AnySubscriber> | undefined;
  /** Notifications still to deliver, in order; set only while listeners are being told. */
  #deliveries: Delivery[] | undefined;
  /** The one run every caller of `invoke()` shares. */
  #run: Promise<TResponse | undefined> | undefined;
  #resolveRun: ((value: unknown) => void) | undefined;
  /** Made only when someone asks for `ctx.signal`: most work never does. */
  #controller: AbortController | undefined;
  #abortReason: unknown;
  #timer: unknown;
  /** Kept only when it is not the global timers, which the timeout then calls directly. */
  readonly #scheduler: Scheduler | undefined;

  constructor(init: EventInit = {}) {
    const options: unknown = init; // JavaScript callers can pass anything
    if (typeof options !== 'object' || options === null) {
      throw new ValidationError(`Event options must be an object, got ${describeValue(options)}`);
    }
    this.timeout = validateTimeout(init.timeout);
    this.metadata = validateMetadata(init.metadata);
    const defaults = eventDefaults();
    this.#clock = init.clock ?? defaults.clock;
    const scheduler = init.scheduler ?? defaults.scheduler;
    this.#scheduler = scheduler === systemScheduler ? undefined : scheduler;
    this.#init = init;
    this.id = createId();
    this.#createdAtMs = this.#clock.now();
    announceCreation(this, reportListenerError);
  }

  /** When the event was made, from its clock. The `Date` is made on first read, then kept. */
  get createdAt(): Date {
    return (this.#createdAt ??= new Date(this.#createdAtMs));
  }

  /** The work. Receives a context whose `signal` is aborted on timeout or cancel. */
  protected abstract _invoke(ctx: InvokeContext): Promise<TResponse> | TResponse;

  /**
   * Optional pre-check, run by the first `invoke()` before the event starts. Throw to abort
   * the event (`aborted`, not retryable) or call `this.skip(reason)` to skip it; return to
   * let it run. It counts against the event's `timeout`.
   */
  protected _precheck?(): void | Promise<void>;

  /** What happened: status, duration, response, error, retryable. */
  get execution(): Readonly<Execution<TResponse>> {
    return this.#execution;
  }

  get status(): EventStatus {
    return this.#execution.status;
  }

  /** `true` once the status can never change again. */
  get isTerminal(): boolean {
    return isTerminalStatus(this.#execution.status);
  }

  /** The last progress reported by the work, from 0 to 1, if any. */
  get progress(): number | undefined {
    return this.#progress;
  }

  /** Every status the event has had, with when it got it, oldest first. */
  get history(): Transition[] {
    // Built at its final length: an array grown by `push` keeps room for 17, and records of
    // finished events hold on to their history.
    const pending: Transition = { status: EventStatus.PENDING, at: this.#createdAtMs };
    const processing: Transition | undefined = Number.isNaN(this.#startedAtMs)
      ? undefined
      : { status: EventStatus.PROCESSING, at: this.#startedAtMs };
    if (!this.isTerminal) return processing === undefined ? [pending] : [pending, processing];
    const end: Transition = { status: this.#execution.status, at: this.#endedAtMs };
    if (this.#endReason !== undefined) end.reason = this.#endReason;
    return processing === undefined ? [pending, end] : [pending, processing, end];
  }

  /**
   * Runs the work once and resolves to its response when it completes, to `undefined`
   * otherwise. Never rejects. Later and concurrent calls share the one run and its result.
   * The `timeout` bounds the whole call, `_precheck` included: a pre-check still running
   * (or a synchronous one that returned) past it ends the event `cancelled` with a
   * `TimeoutError`, and `_invoke` never runs.
   *
   * ```ts
   * const [a, b] = await Promise.all([event.invoke(), event.invoke()]); // _invoke ran once
   * ```
   */
  invoke(): Promise<TResponse | undefined> {
    if (this.#run === undefined) {
      // Kept before the work starts, so that a listener calling invoke() while the event
      // starts shares this run instead of getting an early `undefined`.
      this.#run = new Promise<TResponse | undefined>((resolve) => {
        this.#resolveRun = resolve as (value: unknown) => void;
      });
      this.#begin();
    }
    return this.#run;
  }

  /**
   * Cancels the event. A processing event has its signal aborted and every waiting caller
   * settles at once, without waiting for the work to notice; a pending event ends without
   * ever running. Both end `cancelled` and retryable. Returns `false`, changing nothing,
   * when the event has already ended.
   */
  cancel(reason?: string): boolean {
    if (this.isTerminal) return false;
    const error = new CancellationError(reason ?? 'Cancelled by the caller');
    this.#abortSignal(error);
    return this.#settle(EventStatus.CANCELLED, Unset, error, true, reason);
  }

  /**
   * Skips a pending event: it ends `skipped`, never runs, and is not retryable. Returns
   * `false`, changing nothing, when the event has already started or ended.
   */
  skip(reason?: string): boolean {
    if (this.#execution.status !== EventStatus.PENDING) return false;
    return this.#settle(EventStatus.SKIPPED, Unset, null, false, reason);
  }

  /**
   * Listens to every transition and progress report. Returns the function that stops it.
   * Listeners are called after the state has changed; one that throws is reported and
   * does not disturb the event or the other listeners.
   */
  subscribe(listener: EventSubscriber<this>): () => void {
    // A wrapper per call, so the same function subscribed twice is two subscriptions and
    // each unsubscribe ends only its own.
    const subscriber: AnySubscriber = (notification, event) => {
      (listener as AnySubscriber)(notification, event);
    };
    (this.#listeners ??= new Set()).add(subscriber);
    return () => {
      this.#listeners?.delete(subscriber);
    };
  }

  /**
   * A new, pending event of the same class and configuration (same options and timeout),
   * with a new `id` and `createdAt`. Metadata is copied only with `copyMeta: true`;
   * `metadata.original` always points back at this event.
   *
   * ```ts
   * const retry = failed.asFreshEvent({ copyMeta: true });
   * retry.metadata.original; // { id: failed.id, created_at: '2026-…' }
   * ```
   */
  asFreshEvent(options: FreshEventOptions = {}): this {
    const metadata: Record<string, unknown> = options.copyMeta === true ? { ...this.metadata } : {};
    const original: OriginalRef = { id: this.id, created_at: this.createdAt.toISOString() };
    metadata.original = original;
    return this._recreate({ ...this.#init, metadata });
  }

  /**
   * Builds the fresh copy for {@link asFreshEvent}. Override only when the constructor does
   * not take the options object as its sole argument.
   */
  protected _recreate(init: EventInit): this {
    const EventClass = this.constructor as new (init: EventInit) => this;
    return new EventClass(init);
  }

  /** `{ id, created_at, metadata, execution }`, JSON-safe; never throws. */
  toDict(): EventDict {
    return {
      id: this.id,
      created_at: this.createdAt.toISOString(),
      metadata: toJsonSafeRecord(this.metadata),
      execution: this.#execution.toDict(),
    };
  }

  #begin(): void {
    if (this.#execution.status !== EventStatus.PENDING) {
      // Ended without running (cancelled or skipped): settle the run now.
      const resolve = this.#resolveRun;
      this.#resolveRun = undefined;
      resolve?.(undefined);
      return;
    }
    if (this.timeout !== null) this.#startTimer(this.timeout * 1000);
    if (this._precheck === undefined) {
      this.#process();
      return;
    }
    const checkedFrom = this.#clock.now();
    let verdict: unknown;
    try {
      verdict = this._precheck();
    } catch (error) {
      this.#abort(error);
      return;
    }
    // A synchronous pre-check blocks the timer; measure what it took instead.
    if (this.timeout !== null && this.#clock.now() - checkedFrom >= this.timeout * 1000) {
      Event.#expire(this, 0);
      return;
    }
    if (isThenable(verdict)) {
      verdict.then(
        () => {
          this.#process();
        },
        (error: unknown) => {
          this.#abort(error);
        },
      );
    } else {
      this.#process();
    }
  }

  #process(): void {
    // The pre-check may have skipped the event, or someone cancelled it meanwhile.
    if (this.#execution.status !== EventStatus.PENDING) return;
    this.#startedAtMs = this.#clock.now();
    this.#execution.status = EventStatus.PROCESSING;
    this.#notifyTransition(EventStatus.PENDING, EventStatus.PROCESSING, this.#startedAtMs);
    if (this.isTerminal) return; // a listener cancelled it
    let result: Promise<TResponse> | TResponse;
    try {
      result = this._invoke(new Event.#Context(this));
      if (isThenable(result)) {
        result.then(
          (response) => {
            this.#complete(response);
          },
          (error: unknown) => {
            this.#fail(error);
          },
        );
        return;
      }
    } catch (error) {
      // Thrown synchronously, or a hostile return value whose `then` throws.
      this.#fail(error);
      return;
    }
    this.#complete(result);
  }

  #complete(response: TResponse): void {
    this.#settle(EventStatus.COMPLETED, response, null, false);
  }

  #fail(error: unknown): void {
    this.#settle(EventStatus.FAILED, Unset, error, isRetryable(error));
  }

  #abort(error: unknown): void {
    if (this.#execution.status !== EventStatus.PENDING) return;
    const reason = errorMessageOf(error);
    this.#settle(EventStatus.ABORTED, Unset, error, false, reason);
  }

  /** Timers fire at once past their longest delay, so a longer timeout is waited in legs. */
  #startTimer(remainingMs: number): void {
    const delay = Math.min(remainingMs, MAX_TIMER_DELAY_MS);
    const scheduler = this.#scheduler;
    this.#timer =
      scheduler === undefined
        ? setTimeout(Event.#expire, delay, this, remainingMs - delay)
        : scheduler.setTimeout(() => {
            Event.#expire(this, remainingMs - delay);
          }, delay);
  }

  static #expire(event: Event, remainingMs: number): void {
    if (event.isTerminal) return;
    if (remainingMs > 0) {
      event.#startTimer(remainingMs);
      return;
    }
    const error = new TimeoutError(`Operation timed out after ${String(event.timeout)}s`);
    event.#abortSignal(error);
    event.#settle(EventStatus.CANCELLED, Unset, error, true);
  }

  /** Moves to a terminal status once; later calls change nothing and return `false`. */
  #settle(
    status: EventStatus,
    response: TResponse | typeof Unset,
    error: unknown,
    retryable: boolean,
    reason?: string,
  ): boolean {
    const execution = this.#execution;
    const from = execution.status;
    if (isTerminalStatus(from)) return false;
    const at = this.#clock.now();
    this.#endedAtMs = at;
    this.#endReason = reason;
    const timer = this.#timer;
    if (timer !== undefined) {
      if (this.#scheduler === undefined) clearTimeout(timer as ReturnType<typeof setTimeout>);
      else this.#scheduler.clearTimeout(timer);
    }
    execution.status = status;
    execution.response = response;
    execution.error = error;
    execution.retryable = retryable;
    execution.duration = Number.isNaN(this.#startedAtMs)
      ? 0
      : Math.max(0, (at - this.#startedAtMs) / 1000);
    this.#notifyTransition(from, status, at, reason);
    const resolve = this.#resolveRun;
    this.#resolveRun = undefined;
    resolve?.(status === EventStatus.COMPLETED ? response : undefined);
    return true;
  }

  #abortSignal(reason: unknown): void {
    this.#abortReason = reason;
    this.#controller?.abort(reason);
  }

  #signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      // Asked for after a timeout or cancel: hand out a signal that is already aborted.
      if (this.#abortReason !== undefined) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  #reportProgress(progress: number, message?: string): void {
    if (this.#execution.status !== EventStatus.PROCESSING) return;
    if (!Number.isFinite(progress)) {
      throw new ValidationError(
        `progress must be a finite number from 0 to 1, got ${describeValue(progress)}`,
      );
    }
    this.#progress = Math.min(1, Math.max(0, progress));
    const notification: EventNotification = {
      type: 'progress',
      progress: this.#progress,
      at: this.#clock.now(),
    };
    if (message !== undefined) notification.message = message;
    this.#notify(notification);
  }

  /** Tells listeners of a transition; the notification is only built when someone listens. */
  #notifyTransition(from: EventStatus, to: EventStatus, at: number, reason?: string): void {
    if (!this.#listeners?.size) return;
    const notification: EventNotification = { type: 'transition', from, to, at };
    if (reason !== undefined) notification.reason = reason;
    this.#notify(notification);
  }

  #notify(notification: EventNotification): void {
    const listeners = this.#listeners;
    if (listeners === undefined || listeners.size === 0) return;
    // The listeners are fixed when the change happens, so one that (un)subscribes meanwhile
    // changes only what it hears of later changes.
    const delivery: Delivery = { notification, listeners: [...listeners] };
    if (this.#deliveries !== undefined) {
      // A listener changed the event while hearing of an earlier change (a cancel on
      // `processing`): everyone hears of the earlier change first, then of this one.
      this.#deliveries.push(delivery);
      return;
    }
    const deliveries = [delivery];
    this.#deliveries = deliveries;
    try {
      for (const next of deliveries) {
        for (const listener of next.listeners) {
          try {
            listener(next.notification, this);
          } catch (error) {
            reportListenerError(error);
          }
        }
      }
    } finally {
      this.#deliveries = undefined;
    }
  }

  /** The `ctx` handed to `_invoke`: a view onto its event's signal and progress. */
  static readonly #Context = class implements InvokeContext {
    readonly #event: Event;
    constructor(event: Event) {
      this.#event = event;
    }
    get signal(): AbortSignal {
      return this.#event.#signal();
    }
    reportProgress(progress: number, message?: string): void {
      this.#event.#reportProgress(progress, message);
    }
    get scheduler(): Scheduler {
      return this.#event.#scheduler ?? systemScheduler;
    }
  };
}

/** The longest delay `setTimeout` honours (2^31 - 1 ms); longer ones fire immediately. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

function reportListenerError(error: unknown): void {
  try {
    eventDefaults().onListenerError(error);
  } catch {
    // The error reporter itself failed; there is nowhere left to report to.
  }
}

function validateTimeout(timeout: unknown): number | null {
  if (timeout === undefined || timeout === null) return null;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    throw new ValidationError(
      `timeout must be a positive, finite number of seconds or null, got ${describeValue(timeout)}`,
      { details: { field: 'timeout', value: describeValue(timeout) } },
    );
  }
  return timeout;
}

function validateMetadata(metadata: unknown): Record<string, unknown> {
  if (metadata === undefined) return {};
  const invalid = (): ValidationError =>
    new ValidationError(`metadata must be a plain object, got ${describeValue(metadata)}`, {
      details: { field: 'metadata', value: describeValue(metadata) },
    });
  if (typeof metadata !== 'object' || metadata === null) throw invalid();
  try {
    if (Array.isArray(metadata) || !hasPlainPrototype(metadata)) throw invalid();
    return { ...(metadata as Record<string, unknown>) };
  } catch (error) {
    // A proxy whose traps throw, a revoked proxy, a getter that throws: not plain data.
    throw error instanceof ValidationError ? error : invalid();
  }
}

/**
 * `true` for `{…}` and `Object.create(null)`, also from another realm; `false` for a `Map`,
 * `Date` or class instance, whose data spreading would silently lose.
 */
function hasPlainPrototype(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function toJsonSafeRecord(record: Record<string, unknown>): Record<string, JsonValue> {
  const safe = toJsonSafe(record);
  if (typeof safe === 'object' && safe !== null && !Array.isArray(safe)) return safe;
  // One value without a JSON form (a cycle, a hostile proxy) must not take every other entry,
  // `original` included, with it: convert entry by entry instead.
  return Object.fromEntries(
    Object.keys(record).map((key): [string, JsonValue] => {
      try {
        return [key, toJsonSafe(record[key])];
      } catch {
        return [key, UNSERIALIZABLE]; // a getter that throws
      }
    }),
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
