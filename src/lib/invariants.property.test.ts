/**
 * Lifecycle invariants under random programs: several events, concurrent `invoke()` calls,
 * `cancel()` and `skip()` at random moments, work that returns, throws anything or hangs,
 * random timeouts, `asFreshEvent` chains and subscribers that come, go, re-enter and throw.
 * Time is faked and the clock injected, so a run takes microseconds and replays exactly.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ALLOWED_TRANSITIONS,
  CancellationError,
  configureEvents,
  type Event,
  type EventDefaults,
  type EventNotification,
  type EventStatus,
  isRetryable,
  isTerminalStatus,
  TimeoutError,
  Unset,
} from './index.ts';
import {
  describeRunSettings,
  propertyRunSettings,
  unbox,
} from '../../tests/support/arbitraries.ts';
import {
  fakeClock,
  PrecheckedEvent,
  programArbitrary,
  ScriptedEvent,
  type Action,
  type ListenerKind,
  type Program,
  type ScriptedInit,
} from '../../tests/support/programs.ts';

const settings = propertyRunSettings();
console.info(describeRunSettings('invariants', settings));
/** Generous: the default 1,000 runs take a few seconds; soak runs scale with `FC_NUM_RUNS`. */
const PROPERTY_TIMEOUT_MS = Math.max(60_000, settings.numRuns * 60);

// ---------------------------------------------------------------------------------------------
// The world a program runs in, and what it observed.

interface Caller {
  settled: boolean;
  value: unknown;
  rejected: boolean;
}

interface Snapshot {
  status: EventStatus;
  duration: unknown;
  response: unknown;
  error: unknown;
  retryable: unknown;
}

interface Tracked {
  event: ScriptedEvent;
  callers: Caller[];
  /** Statuses seen after every step, and the execution once terminal. */
  samples: Snapshot[];
  cancelRequested: boolean;
  skipRequested: boolean;
  /** When `invoke()` was first called, from the fake clock; the timeout counts from there. */
  invokedAt: number | undefined;
}

interface Heard {
  from: EventStatus;
  to: EventStatus;
  at: number;
}

interface TrackedListener {
  tracked: Tracked;
  /** Transitions the event had made when this listener was added and removed. */
  start: number;
  end: number | undefined;
  heard: Heard[];
  unsubscribe: () => void;
}

interface FreshLink {
  source: Tracked;
  fresh: Tracked;
  copyMeta: boolean;
  sourceMetadata: Record<string, unknown>;
}

/** Where the listener-error hook reports to during the current run. */
let reportedListenerErrors: unknown[] = [];

class World {
  readonly events: Tracked[] = [];
  readonly listeners: TrackedListener[] = [];
  readonly links: FreshLink[] = [];
  readonly thrownByListeners: unknown[] = [];
  readonly problems: string[] = [];

  constructor(readonly scheduler: fc.Scheduler) {}

  add(event: ScriptedEvent): Tracked {
    const tracked: Tracked = {
      event,
      callers: [],
      samples: [],
      cancelRequested: false,
      skipRequested: event.script.precheck?.kind === 'skip',
      invokedAt: undefined,
    };
    this.events.push(tracked);
    return tracked;
  }

  pick(index: number): Tracked {
    const tracked = this.events[index % this.events.length];
    if (tracked === undefined) throw new Error('a program always has at least one event');
    return tracked;
  }

  call(tracked: Tracked): void {
    const caller: Caller = { settled: false, value: undefined, rejected: false };
    tracked.callers.push(caller);
    tracked.invokedAt ??= fakeClock.now();
    tracked.event.invoke().then(
      (value) => {
        caller.settled = true;
        caller.value = value;
      },
      () => {
        caller.rejected = true;
      },
    );
  }

  subscribe(tracked: Tracked, kind: ListenerKind, thrown: unknown): void {
    const entry: TrackedListener = {
      tracked,
      start: transitionsOf(tracked.event),
      end: undefined,
      heard: [],
      unsubscribe: () => undefined,
    };
    let first = true;
    const stop = tracked.event.subscribe((notification: EventNotification, event) => {
      if (notification.type !== 'transition') return;
      entry.heard.push({ from: notification.from, to: notification.to, at: notification.at });
      this.checkSerializable(event, 'inside a listener');
      const isFirst = first;
      first = false;
      switch (kind) {
        case 'record':
          return;
        case 'throw':
          this.thrownByListeners.push(thrown);
          throw thrown;
        case 'unsubscribe-self':
          if (isFirst) entry.unsubscribe();
          return;
        case 'cancel-on-processing':
          if (notification.to === 'processing' && event.cancel('a listener cancelled it')) {
            tracked.cancelRequested = true;
          }
          return;
        case 'invoke-again':
          this.call(tracked);
          return;
        case 'subscribe-another':
          if (isFirst) this.subscribe(tracked, 'record', undefined);
          return;
      }
    });
    entry.unsubscribe = () => {
      entry.end ??= transitionsOf(tracked.event);
      stop();
    };
    this.listeners.push(entry);
  }

  async perform(action: Action): Promise<void> {
    switch (action.type) {
      case 'invoke': {
        const tracked = this.pick(action.target);
        for (let call = 0; call < action.times; call++) this.call(tracked);
        return;
      }
      case 'cancel': {
        const tracked = this.pick(action.target);
        const wasTerminal = tracked.event.isTerminal;
        const before = tracked.event.status;
        const cancelled = tracked.event.cancel(action.reason);
        expect(cancelled, 'cancel() says whether it changed anything').toBe(!wasTerminal);
        expect(tracked.event.status).toBe(wasTerminal ? before : 'cancelled');
        if (cancelled) {
          tracked.cancelRequested = true;
          await flushMicrotasks();
          // Cancelling settles every waiting caller at once, without waiting for the work.
          for (const caller of tracked.callers) expect(caller.settled).toBe(true);
        }
        return;
      }
      case 'skip': {
        const tracked = this.pick(action.target);
        const wasPending = tracked.event.status === 'pending';
        const skipped = tracked.event.skip(action.reason);
        expect(skipped, 'skip() works only on a pending event').toBe(wasPending);
        if (skipped) {
          tracked.skipRequested = true;
          expect(tracked.event.status).toBe('skipped');
        }
        return;
      }
      case 'subscribe':
        this.subscribe(this.pick(action.target), action.kind, action.thrown);
        return;
      case 'unsubscribe':
        this.listeners[action.listener % Math.max(1, this.listeners.length)]?.unsubscribe();
        return;
      case 'fresh': {
        const source = this.pick(action.target);
        const sourceMetadata = { ...source.event.metadata };
        const fresh = this.add(source.event.asFreshEvent({ copyMeta: action.copyMeta }));
        this.checkFreshlyMade(fresh.event);
        this.links.push({ source, fresh, copyMeta: action.copyMeta, sourceMetadata });
        return;
      }
      case 'advance':
        if (vi.getTimerCount() > 0) await vi.advanceTimersByTimeAsync(action.ms);
        else vi.setSystemTime(Date.now() + action.ms);
        return;
      case 'release':
        if (this.scheduler.count() > 0) await this.scheduler.waitNext(1);
        return;
    }
  }

  /** Lets every scheduled task and timer that can finish, finish. Hanging work stays hung. */
  async drain(): Promise<void> {
    for (let round = 0; round < 6; round++) {
      await this.scheduler.waitIdle();
      if (vi.getTimerCount() === 0) break;
      await vi.advanceTimersByTimeAsync(60_000);
    }
    await flushMicrotasks();
  }

  sample(): void {
    for (const tracked of this.events) tracked.samples.push(snapshotOf(tracked.event));
  }

  checkSerializable(event: Event, where: string): void {
    try {
      const executionDict = event.execution.toDict();
      const eventDict = event.toDict();
      const roundTripped: unknown = JSON.parse(JSON.stringify(eventDict));
      if (!isDeepStrictEqual(roundTripped, eventDict)) {
        this.problems.push(`${where}: toDict() does not survive a JSON round trip`);
      }
      if (!isDeepStrictEqual(eventDict.execution, executionDict)) {
        this.problems.push(`${where}: event.toDict().execution differs from execution.toDict()`);
      }
    } catch (error) {
      this.problems.push(`${where}: toDict() threw ${String(error)}`);
    }
  }

  checkFreshlyMade(event: ScriptedEvent): void {
    expect(event.status).toBe('pending');
    expect(event.runs).toBe(0);
    for (const field of ['duration', 'response', 'error', 'retryable'] as const) {
      expect(event.execution[field]).toBe(Unset);
    }
  }
}

function transitionsOf(event: Event): number {
  return event.history.length - 1;
}

function snapshotOf(event: Event): Snapshot {
  const { status, duration, response, error, retryable } = event.execution;
  return { status, duration, response, error, retryable };
}

async function flushMicrotasks(): Promise<void> {
  for (let tick = 0; tick < 10; tick++) await Promise.resolve();
}

function isDeepStrictEqual(actual: unknown, expected: unknown): boolean {
  try {
    expect(actual).toStrictEqual(expected);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The invariants.

function checkEvent(tracked: Tracked, world: World): void {
  const { event } = tracked;
  const { execution } = event;
  const script = event.script;

  // _invoke ran at most once.
  expect(event.runs).toBeLessThanOrEqual(1);

  // Statuses moved only along the allowed transitions, forward in time.
  const history = event.history;
  expect(history[0]?.status).toBe('pending');
  for (let index = 1; index < history.length; index++) {
    const from = history[index - 1];
    const to = history[index];
    if (from === undefined || to === undefined) throw new Error('history has no holes');
    expect(ALLOWED_TRANSITIONS[from.status]).toContain(to.status);
    expect(to.at).toBeGreaterThanOrEqual(from.at);
  }
  expect(history.at(-1)?.status).toBe(execution.status);
  if (event.runs === 1) expect(history.map((step) => step.status)).toContain('processing');

  // What was seen step by step follows the history, and a terminal status never changed.
  const statuses = history.map((step) => step.status);
  let position = 0;
  for (const sample of tracked.samples) {
    while (position < statuses.length && statuses[position] !== sample.status) position++;
    expect(position, `status ${sample.status} appeared out of order`).toBeLessThan(statuses.length);
  }
  const final = snapshotOf(event);
  const firstTerminal = tracked.samples.findIndex((sample) => isTerminalStatus(sample.status));
  if (firstTerminal >= 0) {
    for (const sample of tracked.samples.slice(firstTerminal)) {
      for (const field of ['status', 'duration', 'response', 'error', 'retryable'] as const) {
        expect(Object.is(sample[field], final[field]), `terminal ${field} changed`).toBe(true);
      }
    }
  }

  // Every caller got the same value: the response when completed, `undefined` otherwise.
  const callers = tracked.callers;
  for (const caller of callers) expect(caller.rejected, 'invoke() never rejects').toBe(false);
  if (event.isTerminal) {
    const expected = execution.status === 'completed' ? execution.response : undefined;
    for (const caller of callers) {
      expect(caller.settled).toBe(true);
      expect(Object.is(caller.value, expected), 'every caller gets the same value').toBe(true);
    }
  } else {
    for (const caller of callers) expect(caller.settled).toBe(false);
  }

  // Fields follow the status.
  if (!event.isTerminal) {
    for (const field of ['duration', 'response', 'error', 'retryable'] as const) {
      expect(execution[field]).toBe(Unset);
    }
  } else {
    expect(typeof execution.duration).toBe('number');
    expect(execution.duration as number).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(execution.duration)).toBe(true);
    if (!statuses.includes('processing')) expect(execution.duration).toBe(0);
    expect(typeof execution.retryable).toBe('boolean');
    if (execution.status !== 'completed') expect(execution.response).toBe(Unset);
  }
  switch (execution.status) {
    case 'completed':
      expect(script.work.kind).toBe('return');
      expect(event.runs).toBe(1);
      if (script.work.kind === 'return') {
        expect(Object.is(execution.response, unbox(script.work.value))).toBe(true);
      }
      expect(execution.error).toBeNull();
      expect(execution.retryable).toBe(false);
      break;
    case 'failed':
      expect(script.work.kind).toBe('throw');
      expect(event.runs).toBe(1);
      if (script.work.kind === 'throw') {
        expect(Object.is(execution.error, unbox(script.work.value))).toBe(true);
      }
      expect(execution.retryable).toBe(isRetryable(execution.error));
      break;
    case 'cancelled':
      expect(execution.retryable).toBe(true);
      if (execution.error instanceof TimeoutError) {
        expect(event.timeout).not.toBeNull();
        expect(execution.error.message).toBe(`Operation timed out after ${String(event.timeout)}s`);
        // Never before its time, which counts from the first invoke(), pre-check included
        // (the faked clock counts whole milliseconds).
        const endedAt = event.history.at(-1)?.at ?? Number.NaN;
        expect(endedAt - (tracked.invokedAt ?? Number.NaN)).toBeGreaterThanOrEqual(
          (event.timeout ?? 0) * 1000 - 1,
        );
        expect((execution.duration as number) * 1000).toBeLessThanOrEqual(
          (event.timeout ?? 0) * 1000 + 1,
        );
      } else {
        expect(execution.error).toBeInstanceOf(CancellationError);
        expect(tracked.cancelRequested).toBe(true);
      }
      break;
    case 'skipped':
      expect(tracked.skipRequested).toBe(true);
      expect(event.runs).toBe(0);
      expect(execution.error).toBeNull();
      expect(execution.retryable).toBe(false);
      break;
    case 'aborted':
      expect(script.precheck?.kind).toBe('throw');
      expect(event.runs).toBe(0);
      if (script.precheck?.kind === 'throw') {
        expect(Object.is(execution.error, unbox(script.precheck.value))).toBe(true);
      }
      expect(execution.retryable).toBe(false);
      break;
    case 'pending':
    case 'processing':
      break;
  }

  // toDict() never throws, is JSON-safe and has exactly the documented shape.
  world.checkSerializable(event, `after the program (${execution.status})`);
  const dict = event.execution.toDict();
  expect(Object.keys(dict).sort()).toEqual([
    'duration',
    'error',
    'response',
    'retryable',
    'status',
  ]);
  expect(dict.status).toBe(execution.status);
  expect(dict.duration).toBe(execution.duration === Unset ? null : execution.duration);
  expect(dict.retryable).toBe(execution.retryable === Unset ? null : execution.retryable);
  const noError =
    execution.error === Unset ||
    (execution.error === null && ['completed', 'skipped'].includes(execution.status));
  if (noError) expect(dict.error).toBeNull();
  else expect(dict.error).not.toBeNull();
}

function checkListeners(world: World): void {
  for (const listener of world.listeners) {
    const history = listener.tracked.event.history;
    const transitions: Heard[] = [];
    for (let index = 1; index < history.length; index++) {
      const from = history[index - 1];
      const to = history[index];
      if (from === undefined || to === undefined) throw new Error('history has no holes');
      transitions.push({ from: from.status, to: to.status, at: to.at });
    }
    // Each transition made while subscribed was heard once, in order; none other was.
    expect(listener.heard).toEqual(transitions.slice(listener.start, listener.end));
  }
  // A throwing listener is reported and nothing else is.
  expect(reportedListenerErrors).toHaveLength(world.thrownByListeners.length);
  reportedListenerErrors.forEach((reported, index) => {
    expect(Object.is(reported, world.thrownByListeners[index])).toBe(true);
  });
}

function checkFreshLinks(world: World): void {
  for (const { source, fresh, copyMeta, sourceMetadata } of world.links) {
    expect(fresh.event).toBeInstanceOf(source.event.constructor);
    expect(fresh.event.constructor).toBe(source.event.constructor);
    expect(fresh.event.id).not.toBe(source.event.id);
    expect(fresh.event.timeout).toBe(source.event.timeout);
    expect(fresh.event.script).toBe(source.event.script);
    const original = { id: source.event.id, created_at: source.event.createdAt.toISOString() };
    expect(fresh.event.metadata.original).toEqual(original);
    expect(fresh.event.toDict().metadata.original).toEqual(original);
    const expected: Record<string, unknown> = copyMeta ? { ...sourceMetadata } : {};
    expected.original = original;
    expect(Object.keys(fresh.event.metadata).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) {
      if (key === 'original') continue;
      expect(Object.is(fresh.event.metadata[key], expected[key])).toBe(true);
    }
  }
}

async function runProgram(program: Program): Promise<void> {
  vi.clearAllTimers();
  vi.setSystemTime(new Date('2026-01-01T00:00:00.000Z'));
  reportedListenerErrors = [];
  const world = new World(program.scheduler);
  for (const root of program.roots) {
    const init: ScriptedInit = {
      script: root.script,
      asyncScheduler: program.scheduler,
      timeout: root.timeout,
      clock: fakeClock,
    };
    if (root.metadata !== undefined) init.metadata = root.metadata;
    const EventClass = root.script.precheck === undefined ? ScriptedEvent : PrecheckedEvent;
    const event = new EventClass(init);
    world.checkFreshlyMade(event);
    world.add(event);
  }
  world.sample();
  for (const action of program.actions) {
    await world.perform(action);
    world.sample();
  }
  await world.drain();
  world.sample();

  expect(world.problems).toEqual([]);
  for (const tracked of world.events) checkEvent(tracked, world);
  checkListeners(world);
  checkFreshLinks(world);
}

// ---------------------------------------------------------------------------------------------

describe('event lifecycle invariants', () => {
  let previousDefaults: EventDefaults;

  beforeAll(() => {
    vi.useFakeTimers();
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  beforeEach(() => {
    previousDefaults = configureEvents({
      onListenerError: (error) => {
        reportedListenerErrors.push(error);
      },
    });
  });
  afterEach(() => {
    configureEvents(previousDefaults);
  });

  it(
    'random programs of invokes, cancels, skips, timeouts, fresh copies and subscribers never break a lifecycle invariant',
    async () => {
      await fc.assert(fc.asyncProperty(programArbitrary, runProgram), settings);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
