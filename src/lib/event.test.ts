import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureEvents, eventDefaults } from './config.ts';
import { ConditionalEvent } from './demo/conditionalEvent.ts';
import { CountingEvent } from './demo/countingEvent.ts';
import { FailingEvent } from './demo/failingEvent.ts';
import { GuardedEvent } from './demo/guardedEvent.ts';
import { ProgressReportingEvent } from './demo/progressReportingEvent.ts';
import { ValueError } from './demo/pythonErrors.ts';
import { SimpleEvent } from './demo/simpleEvent.ts';
import { SlowEvent } from './demo/slowEvent.ts';
import { CancellationError } from './errors/cancellationError.ts';
import { ConnectionError } from './errors/connectionError.ts';
import { TimeoutError } from './errors/timeoutError.ts';
import { ValidationError } from './errors/validationError.ts';
import { Event, type EventInit, type EventNotification, type InvokeContext } from './event.ts';
import { Unset } from './unset.ts';

/** An event whose work ends when the test says so. */
class ControlledEvent extends Event {
  runs = 0;
  ctx: InvokeContext | undefined;
  finish: (value: unknown) => void = () => undefined;
  fail: (error: unknown) => void = () => undefined;

  protected _invoke(ctx: InvokeContext): Promise<unknown> {
    this.runs += 1;
    this.ctx = ctx;
    return new Promise((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
  }
}

/** An event whose work runs synchronously, returning or throwing. */
class SyncEvent extends Event {
  readonly outcome: { value?: unknown; error?: unknown };
  constructor(init: EventInit & { outcome: { value?: unknown; error?: unknown } }) {
    super(init);
    this.outcome = init.outcome;
  }
  protected _invoke(): unknown {
    if ('error' in this.outcome) throw this.outcome.error;
    return this.outcome.value;
  }
}

class CountedGuardedEvent extends GuardedEvent {
  runs = 0;
  protected override _invoke(): Promise<string> {
    this.runs += 1;
    return super._invoke();
  }
}

class CountedConditionalEvent extends ConditionalEvent {
  runs = 0;
  protected override _invoke(): Promise<unknown> {
    this.runs += 1;
    return super._invoke();
  }
}

/** A pre-check that waits for the test, then passes or throws. */
class SlowCheckEvent extends ControlledEvent {
  passCheck: () => void = () => undefined;
  failCheck: (error: unknown) => void = () => undefined;
  protected override _precheck(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.passCheck = resolve;
      this.failCheck = reject;
    });
  }
}

function manualClock(start = 1_700_000_000_000): { now: () => number; set: (t: number) => void } {
  let time = start;
  return {
    now: () => time,
    set: (t) => {
      time = t;
    },
  };
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('constructing an event', () => {
  it('gives each event its own UUID v4 id', () => {
    const first = new SimpleEvent();
    const second = new SimpleEvent();
    expect(first.id).toMatch(UUID_V4);
    expect(second.id).toMatch(UUID_V4);
    expect(first.id).not.toBe(second.id);
  });

  it('takes createdAt from its clock', () => {
    const event = new SimpleEvent({ clock: { now: () => Date.UTC(2026, 10, 20, 9, 30) } });
    expect(event.createdAt.toISOString()).toBe('2026-11-20T09:30:00.000Z');
  });

  it('starts pending with every execution field Unset', () => {
    const { execution } = new SimpleEvent();
    expect(execution.status).toBe('pending');
    expect(execution.duration).toBe(Unset);
    expect(execution.response).toBe(Unset);
    expect(execution.error).toBe(Unset);
    expect(execution.retryable).toBe(Unset);
  });

  it('has no timeout unless given one', () => {
    expect(new SimpleEvent().timeout).toBeNull();
    expect(new SimpleEvent({ timeout: null }).timeout).toBeNull();
    expect(new SimpleEvent({ timeout: 0.05 }).timeout).toBe(0.05);
  });

  it('copies its metadata rather than sharing the object it was given', () => {
    const metadata: Record<string, unknown> = { owner: 'ana' };
    const event = new SimpleEvent({ metadata });
    metadata.owner = 'bo';
    expect(event.metadata).toEqual({ owner: 'ana' });
  });

  it('starts with empty metadata', () => {
    expect(new SimpleEvent().metadata).toEqual({});
  });

  it.each([
    [0, 'got 0'],
    [-1, 'got -1'],
    [Number.NaN, 'got NaN'],
    [Number.POSITIVE_INFINITY, 'got Infinity'],
    [Number.NEGATIVE_INFINITY, 'got -Infinity'],
    ['5', 'got "5" (a string)'],
    [{}, 'got an object'],
    [true, 'got true (a boolean)'],
  ])('rejects the timeout %s with a ValidationError naming it', (timeout, named) => {
    const create = () => new SimpleEvent({ timeout: timeout as number });
    expect(create).toThrow(ValidationError);
    expect(create).toThrow(named);
  });

  it('says which field was wrong in the ValidationError details', () => {
    try {
      new SimpleEvent({ timeout: -2 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details).toEqual({ field: 'timeout', value: '-2' });
    }
  });

  it.each([
    [null, 'got null'],
    ['tags', 'got "tags" (a string)'],
    [5, 'got 5'],
    [[1, 2], 'got [1,2] (an array)'],
  ])('rejects the metadata %s with a ValidationError naming it', (metadata, named) => {
    const create = () =>
      new SimpleEvent({ metadata: metadata as unknown as Record<string, unknown> });
    expect(create).toThrow(ValidationError);
    expect(create).toThrow(named);
  });

  it.each([
    ['a Map', new Map([['owner', 'ana']])],
    ['a Date', new Date(0)],
    [
      'a class instance',
      new (class Settings {
        owner = 'ana';
      })(),
    ],
  ])('rejects %s as metadata, whose data would be lost', (_kind, metadata) => {
    const create = () =>
      new SimpleEvent({ metadata: metadata as unknown as Record<string, unknown> });
    expect(create).toThrow(ValidationError);
    expect(create).toThrow('metadata must be a plain object, got an object');
  });

  it('accepts metadata without a prototype', () => {
    const metadata = Object.assign(Object.create(null) as Record<string, unknown>, {
      owner: 'ana',
    });
    expect(new SimpleEvent({ metadata }).metadata).toEqual({ owner: 'ana' });
  });

  it.each([null, 5, 'options'])('rejects the options %s with a ValidationError', (options) => {
    expect(() => new SimpleEvent(options as EventInit)).toThrow(ValidationError);
  });
});

describe('invoking an event', () => {
  it('moves to processing as soon as invoke() is called', () => {
    const event = new ControlledEvent();
    void event.invoke();
    expect(event.status).toBe('processing');
    expect(event.execution.duration).toBe(Unset);
  });

  it('a completed event holds its response, a null error and is not retryable', async () => {
    const event = new ControlledEvent();
    const run = event.invoke();
    event.finish({ rows: 3 });
    await expect(run).resolves.toEqual({ rows: 3 });
    expect(event.execution).toMatchObject({
      status: 'completed',
      response: { rows: 3 },
      error: null,
      retryable: false,
    });
    expect(typeof event.execution.duration).toBe('number');
  });

  it('a failed event keeps the thrown value and resolves to undefined', async () => {
    const event = new ControlledEvent();
    const thrown = new ValueError('Something broke');
    const run = event.invoke();
    event.fail(thrown);
    await expect(run).resolves.toBeUndefined();
    expect(event.execution.status).toBe('failed');
    expect(event.execution.error).toBe(thrown);
    expect(event.execution.response).toBe(Unset);
    expect(typeof event.execution.duration).toBe('number');
  });

  it('a failure with a foreign error is retryable', async () => {
    const event = new ControlledEvent();
    const run = event.invoke();
    event.fail(new TypeError('oops'));
    await run;
    expect(event.execution.retryable).toBe(true);
  });

  it('a failure with a non-retryable library error is not retryable', async () => {
    const event = new ControlledEvent();
    const run = event.invoke();
    event.fail(new ValidationError('bad input'));
    await run;
    expect(event.execution.retryable).toBe(false);
  });

  it('a failure with an aggregate holding a non-retryable error is not retryable', async () => {
    const event = new ControlledEvent();
    const run = event.invoke();
    event.fail(new AggregateError([new ConnectionError('reset'), new ValidationError('bad')]));
    await run;
    expect(event.execution.retryable).toBe(false);
  });

  it('a failure with undefined still ends failed and never rejects', async () => {
    const event = new ControlledEvent();
    const run = event.invoke();
    event.fail(undefined);
    await expect(run).resolves.toBeUndefined();
    expect(event.execution.status).toBe('failed');
    expect(event.execution.error).toBeUndefined();
    expect(event.execution.retryable).toBe(true);
  });

  it('work that returns synchronously completes', async () => {
    const event = new SyncEvent({ outcome: { value: 7 } });
    await expect(event.invoke()).resolves.toBe(7);
    expect(event.status).toBe('completed');
  });

  it('work that throws synchronously fails', async () => {
    const error = new ValueError('sync');
    const event = new SyncEvent({ outcome: { error } });
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.status).toBe('failed');
    expect(event.execution.error).toBe(error);
  });

  it('measures duration with its clock, in seconds', async () => {
    const clock = manualClock(10_000);
    const event = new ControlledEvent({ clock });
    clock.set(12_000);
    const run = event.invoke();
    clock.set(12_250);
    event.finish('ok');
    await run;
    expect(event.execution.duration).toBe(0.25);
  });
});

describe('timeouts', () => {
  it('a timed-out event ends cancelled with a TimeoutError', async () => {
    const event = new SlowEvent({ delay: 5, timeout: 0.05 });
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(50);
    await expect(run).resolves.toBeUndefined();
    expect(event.status).toBe('cancelled');
    expect(event.execution.error).toBeInstanceOf(TimeoutError);
    expect((event.execution.error as TimeoutError).message).toBe('Operation timed out after 0.05s');
    expect(event.execution.retryable).toBe(true);
    expect(event.execution.response).toBe(Unset);
  });

  it('does not time out a moment too early', async () => {
    const event = new SlowEvent({ delay: 5, timeout: 0.05 });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(49);
    expect(event.status).toBe('processing');
  });

  it('work that finishes in time completes', async () => {
    const event = new SlowEvent({ delay: 0.01, timeout: 0.05, returnValue: 'fast' });
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(10);
    await expect(run).resolves.toBe('fast');
    expect(event.status).toBe('completed');
  });

  it('leaves no timer behind once the work is done', async () => {
    const event = new SlowEvent({ delay: 0.01, timeout: 60 });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(10);
    expect(event.status).toBe('completed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts ctx.signal with the TimeoutError as its reason', async () => {
    const event = new ControlledEvent({ timeout: 1 });
    void event.invoke();
    const signal = event.ctx?.signal;
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(event.execution.error);
    expect(signal?.reason).toBeInstanceOf(TimeoutError);
  });

  it('ignores the work result that arrives after the timeout', async () => {
    const event = new SlowEvent({ delay: 1, timeout: 0.5, ignoreSignal: true });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(2000);
    expect(event.status).toBe('cancelled');
    expect(event.execution.response).toBe(Unset);
    expect(event.execution.error).toBeInstanceOf(TimeoutError);
  });

  it('measures the duration of a timed-out event with its clock', async () => {
    const clock = manualClock(0);
    const event = new ControlledEvent({ timeout: 2, clock });
    void event.invoke();
    clock.set(2_004);
    await vi.advanceTimersByTimeAsync(2000);
    expect(event.execution.duration).toBe(2.004);
  });

  it('does not fire early when the timeout is longer than the longest timer delay', async () => {
    const event = new ControlledEvent({ timeout: 30 * 24 * 3600 });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(event.status).toBe('processing');
  });

  it('still times out after a timeout longer than the longest timer delay', async () => {
    const event = new ControlledEvent({ timeout: 30 * 24 * 3600 });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(30 * 24 * 3600 * 1000 - 1);
    expect(event.status).toBe('processing');
    await vi.advanceTimersByTimeAsync(1);
    expect(event.status).toBe('cancelled');
    expect((event.execution.error as Error).message).toBe('Operation timed out after 2592000s');
  });
});

describe('idempotency', () => {
  it('a second invoke() answers from the first run without running the work again', async () => {
    const event = new CountingEvent();
    await event.invoke();
    await expect(event.invoke()).resolves.toBe('result_1');
    expect(event.callCount).toBe(1);
  });

  it('1,000 concurrent first calls run the work once and all get the same value', async () => {
    const event = new CountingEvent();
    const results = await Promise.all(Array.from({ length: 1000 }, () => event.invoke()));
    expect(event.callCount).toBe(1);
    expect(new Set(results)).toEqual(new Set(['result_1']));
  });

  it('invoking a failed event again resolves to undefined without running it', async () => {
    const event = new ControlledEvent();
    const run = event.invoke();
    event.fail(new Error('x'));
    await run;
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.runs).toBe(1);
  });

  it('a call made by a listener while the event starts shares the run', async () => {
    const event = new ControlledEvent();
    let nested: Promise<unknown> | undefined;
    event.subscribe((notification) => {
      if (notification.type === 'transition' && notification.to === 'processing') {
        nested = event.invoke();
      }
    });
    const run = event.invoke();
    event.finish('shared');
    await expect(run).resolves.toBe('shared');
    await expect(nested).resolves.toBe('shared');
    expect(event.runs).toBe(1);
  });
});

describe('cancelling', () => {
  it('a pending event ends cancelled without ever running', async () => {
    const event = new ControlledEvent();
    expect(event.cancel('not needed')).toBe(true);
    expect(event.status).toBe('cancelled');
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.runs).toBe(0);
  });

  it('a pending event cancelled is retryable and holds a CancellationError', () => {
    const event = new ControlledEvent();
    event.cancel('not needed');
    expect(event.execution.retryable).toBe(true);
    expect(event.execution.error).toBeInstanceOf(CancellationError);
    expect((event.execution.error as Error).message).toBe('not needed');
    expect(event.execution.duration).toBe(0);
    expect(event.execution.response).toBe(Unset);
  });

  it('a processing event settles every waiting caller at once even when its work ignores the signal', async () => {
    const event = new SlowEvent({ delay: 60, ignoreSignal: true });
    const callers = [event.invoke(), event.invoke(), event.invoke()];
    expect(event.cancel('user pressed stop')).toBe(true);
    const settled = await Promise.all(callers);
    expect(settled).toEqual([undefined, undefined, undefined]);
    expect(event.status).toBe('cancelled');
    expect(event.execution.retryable).toBe(true);
    expect(vi.getTimerCount()).toBe(1); // the ignored sleep is still running
  });

  it('a cancelled processing event ignores the result its work delivers later', async () => {
    const event = new ControlledEvent();
    void event.invoke();
    event.cancel();
    event.finish('too late');
    await vi.runAllTimersAsync();
    expect(event.status).toBe('cancelled');
    expect(event.execution.response).toBe(Unset);
  });

  it('aborts ctx.signal with the CancellationError as its reason', () => {
    const event = new ControlledEvent();
    void event.invoke();
    const signal = event.ctx?.signal;
    event.cancel('stop');
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(CancellationError);
    expect(signal?.reason).toBe(event.execution.error);
  });

  it('hands out an already aborted signal when the work asks after the cancel', () => {
    const event = new ControlledEvent();
    void event.invoke();
    event.cancel('stop');
    expect(event.ctx?.signal.aborted).toBe(true);
    expect((event.ctx?.signal.reason as Error).message).toBe('stop');
  });

  it('says "Cancelled by the caller" when no reason is given', () => {
    const event = new ControlledEvent();
    event.cancel();
    expect((event.execution.error as Error).message).toBe('Cancelled by the caller');
  });

  it('stops the timeout timer', () => {
    const event = new ControlledEvent({ timeout: 5 });
    void event.invoke();
    event.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['completed', (event: ControlledEvent) => event.finish('done')],
    ['failed', (event: ControlledEvent) => event.fail(new Error('x'))],
  ] as const)('a %s event is not cancelled and nothing changes', async (status, end) => {
    const event = new ControlledEvent();
    const run = event.invoke();
    end(event);
    await run;
    const before = { ...event.execution };
    const history = event.history;
    const heard = vi.fn();
    event.subscribe(heard);
    expect(event.cancel('late')).toBe(false);
    expect(event.status).toBe(status);
    expect({ ...event.execution }).toEqual(before);
    expect(event.history).toEqual(history);
    expect(heard).not.toHaveBeenCalled();
  });

  it('a second cancel returns false and keeps the first reason', () => {
    const event = new ControlledEvent();
    event.cancel('first');
    expect(event.cancel('second')).toBe(false);
    expect((event.execution.error as Error).message).toBe('first');
  });

  it('a timed-out event cannot be cancelled', async () => {
    const event = new ControlledEvent({ timeout: 1 });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(1000);
    expect(event.cancel()).toBe(false);
    expect(event.execution.error).toBeInstanceOf(TimeoutError);
  });
});

describe('skipping', () => {
  it('a pending event can be skipped and never runs', async () => {
    const event = new ControlledEvent();
    expect(event.skip('not today')).toBe(true);
    expect(event.execution).toMatchObject({
      status: 'skipped',
      response: Unset,
      error: null,
      retryable: false,
      duration: 0,
    });
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.runs).toBe(0);
  });

  it('a processing event cannot be skipped', () => {
    const event = new ControlledEvent();
    void event.invoke();
    expect(event.skip()).toBe(false);
    expect(event.status).toBe('processing');
  });

  it('a finished event cannot be skipped', async () => {
    const event = new SimpleEvent({ returnValue: 1 });
    await event.invoke();
    expect(event.skip()).toBe(false);
    expect(event.status).toBe('completed');
  });

  it('keeps the reason in its history', () => {
    const event = new ControlledEvent({ clock: manualClock(5) });
    event.skip('not today');
    expect(event.history).toEqual([
      { status: 'pending', at: 5 },
      { status: 'skipped', at: 5, reason: 'not today' },
    ]);
  });
});

describe('pre-checks', () => {
  it('a rejecting pre-check aborts the event before its work runs', async () => {
    const event = new CountedGuardedEvent({ amount: 150, limit: 100 });
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.status).toBe('aborted');
    expect(event.runs).toBe(0);
    expect(event.execution.error).toBeInstanceOf(ValidationError);
    expect((event.execution.error as Error).message).toBe('amount 150 is over the limit of 100');
    expect(event.execution.retryable).toBe(false);
    expect(event.execution.response).toBe(Unset);
  });

  it('an aborted event never passes through processing', async () => {
    const event = new GuardedEvent({ clock: manualClock(1) });
    await event.invoke();
    expect(event.history).toEqual([
      { status: 'pending', at: 1 },
      { status: 'aborted', at: 1, reason: 'amount 150 is over the limit of 100' },
    ]);
  });

  it('an aborted event is not retryable even when the pre-check threw a retryable error', async () => {
    class FlakyCheckEvent extends ControlledEvent {
      protected override _precheck(): void {
        throw new ConnectionError('check service down');
      }
    }
    const event = new FlakyCheckEvent();
    await event.invoke();
    expect(event.status).toBe('aborted');
    expect(event.execution.retryable).toBe(false);
  });

  it('a passing pre-check lets the work run', async () => {
    const event = new CountedGuardedEvent({ amount: 50 });
    await expect(event.invoke()).resolves.toBe('processed 50');
    expect(event.runs).toBe(1);
  });

  it('an async pre-check that rejects aborts the event', async () => {
    const event = new SlowCheckEvent();
    const run = event.invoke();
    expect(event.status).toBe('pending');
    event.failCheck(new ValidationError('no quota'));
    await expect(run).resolves.toBeUndefined();
    expect(event.status).toBe('aborted');
    expect(event.runs).toBe(0);
  });

  it('an async pre-check that passes starts the work', async () => {
    const event = new SlowCheckEvent();
    const run = event.invoke();
    event.passCheck();
    await vi.waitFor(() => {
      expect(event.status).toBe('processing');
    });
    event.finish('ok');
    await expect(run).resolves.toBe('ok');
  });

  it('an event cancelled during its pre-check never runs', async () => {
    const event = new SlowCheckEvent();
    const run = event.invoke();
    event.cancel('changed my mind');
    event.passCheck();
    await expect(run).resolves.toBeUndefined();
    await Promise.resolve();
    expect(event.status).toBe('cancelled');
    expect(event.runs).toBe(0);
  });

  it('a pre-check that skips the event ends it skipped without running', async () => {
    const event = new CountedConditionalEvent({ condition: false });
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.status).toBe('skipped');
    expect(event.runs).toBe(0);
    expect(event.history.at(-1)?.reason).toBe('condition is false');
  });

  it('a pre-check that holds lets a conditional event run', async () => {
    const event = new CountedConditionalEvent({ condition: true });
    await expect(event.invoke()).resolves.toBe('ran');
    expect(event.runs).toBe(1);
  });
});

describe('timeouts around pre-checks', () => {
  it('an async pre-check that never settles is ended by the timeout', async () => {
    const event = new SlowCheckEvent({ timeout: 1 });
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(1000);
    await expect(run).resolves.toBeUndefined();
    expect(event.status).toBe('cancelled');
    expect(event.execution.error).toBeInstanceOf(TimeoutError);
    expect(event.execution.retryable).toBe(true);
    expect(event.runs).toBe(0);
  });

  it('a pre-check that passes after the timeout does not start the work', async () => {
    const event = new SlowCheckEvent({ timeout: 1 });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(1000);
    event.passCheck();
    await vi.advanceTimersByTimeAsync(0);
    expect(event.status).toBe('cancelled');
    expect(event.runs).toBe(0);
  });

  it('the time a pre-check took counts against the timeout of the work', async () => {
    const event = new SlowCheckEvent({ timeout: 1 });
    void event.invoke();
    await vi.advanceTimersByTimeAsync(600);
    event.passCheck();
    await vi.advanceTimersByTimeAsync(0);
    expect(event.status).toBe('processing');
    await vi.advanceTimersByTimeAsync(400);
    expect(event.status).toBe('cancelled');
    expect(event.execution.error).toBeInstanceOf(TimeoutError);
  });

  it('a synchronous pre-check that overruns the timeout ends the event before its work', async () => {
    const clock = manualClock(0);
    class BlockingCheckEvent extends ControlledEvent {
      protected override _precheck(): void {
        clock.set(5_000); // stands for a check that blocked the thread for five seconds
      }
    }
    const event = new BlockingCheckEvent({ timeout: 1, clock });
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.status).toBe('cancelled');
    expect(event.execution.error).toBeInstanceOf(TimeoutError);
    expect(event.runs).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('subscribing', () => {
  let restore: ReturnType<typeof configureEvents> | undefined;
  afterEach(() => {
    if (restore !== undefined) configureEvents(restore);
    restore = undefined;
  });

  it('a listener hears every transition with its time', async () => {
    const clock = manualClock(100);
    const event = new ControlledEvent({ clock });
    const heard: EventNotification[] = [];
    event.subscribe((notification) => heard.push(notification));
    clock.set(200);
    const run = event.invoke();
    clock.set(450);
    event.finish('ok');
    await run;
    expect(heard).toEqual([
      { type: 'transition', from: 'pending', to: 'processing', at: 200 },
      { type: 'transition', from: 'processing', to: 'completed', at: 450 },
    ]);
  });

  it('a listener is told after the state has changed', async () => {
    const event = new ControlledEvent();
    const seen: unknown[] = [];
    event.subscribe((notification, source) => {
      if (notification.type === 'transition') {
        seen.push([source.status, source.execution.response]);
      }
    });
    const run = event.invoke();
    event.finish(5);
    await run;
    expect(seen).toEqual([
      ['processing', Unset],
      ['completed', 5],
    ]);
  });

  it('a listener hears the reason of a cancel', () => {
    const event = new ControlledEvent({ clock: manualClock(9) });
    const listener = vi.fn();
    event.subscribe(listener);
    event.cancel('stop');
    expect(listener).toHaveBeenCalledWith(
      { type: 'transition', from: 'pending', to: 'cancelled', at: 9, reason: 'stop' },
      event,
    );
  });

  it('a listener that cancels the event as it starts keeps the work from running', async () => {
    const event = new ControlledEvent();
    event.subscribe((notification) => {
      if (notification.type === 'transition' && notification.to === 'processing') {
        event.cancel('stopped at the door');
      }
    });
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.status).toBe('cancelled');
    expect(event.runs).toBe(0);
  });

  it('an unsubscribed listener hears nothing more', async () => {
    const event = new ControlledEvent();
    const listener = vi.fn();
    const unsubscribe = event.subscribe(listener);
    const run = event.invoke();
    unsubscribe();
    event.finish('ok');
    await run;
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('the same listener subscribed twice is two subscriptions, each ended by its own unsubscribe', async () => {
    const event = new ControlledEvent();
    const listener = vi.fn();
    const first = event.subscribe(listener);
    event.subscribe(listener);
    first();
    const run = event.invoke();
    event.finish('ok');
    await run;
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('a listener subscribed twice hears every change twice', async () => {
    const event = new ControlledEvent();
    const listener = vi.fn();
    event.subscribe(listener);
    event.subscribe(listener);
    const run = event.invoke();
    event.finish('ok');
    await run;
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('a throwing listener is reported and the others still hear', async () => {
    const reported = vi.fn();
    restore = configureEvents({ onListenerError: reported });
    const failure = new Error('listener broke');
    const event = new ControlledEvent();
    const other = vi.fn();
    event.subscribe(() => {
      throw failure;
    });
    event.subscribe(other);
    const run = event.invoke();
    event.finish('ok');
    await expect(run).resolves.toBe('ok');
    expect(other).toHaveBeenCalledTimes(2);
    expect(reported).toHaveBeenCalledTimes(2);
    expect(reported).toHaveBeenCalledWith(failure);
    expect(event.status).toBe('completed');
  });

  it('a throwing error reporter does not disturb the event', async () => {
    restore = configureEvents({
      onListenerError: () => {
        throw new Error('reporter broke too');
      },
    });
    const event = new SimpleEvent({ returnValue: 1 });
    event.subscribe(() => {
      throw new Error('listener broke');
    });
    await expect(event.invoke()).resolves.toBe(1);
    expect(event.status).toBe('completed');
  });

  it('a listener hears progress reports and the event keeps the last one', async () => {
    const event = new ProgressReportingEvent({ steps: 2, stepDelay: 0.1, clock: manualClock(3) });
    const progress: EventNotification[] = [];
    event.subscribe((notification) => {
      if (notification.type === 'progress') progress.push(notification);
    });
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(200);
    await expect(run).resolves.toBe(2);
    expect(progress).toEqual([
      { type: 'progress', progress: 0.5, message: 'step 1 of 2', at: 3 },
      { type: 'progress', progress: 1, message: 'step 2 of 2', at: 3 },
    ]);
    expect(event.progress).toBe(1);
  });

  it('clamps progress to between 0 and 1', () => {
    const event = new ControlledEvent();
    void event.invoke();
    event.ctx?.reportProgress(1.7);
    expect(event.progress).toBe(1);
    event.ctx?.reportProgress(-3);
    expect(event.progress).toBe(0);
  });

  it('ignores progress reported after the event ended', () => {
    const event = new ControlledEvent();
    void event.invoke();
    event.ctx?.reportProgress(0.4);
    event.cancel();
    event.ctx?.reportProgress(0.9);
    expect(event.progress).toBe(0.4);
  });

  it('rejects progress that is not a finite number', () => {
    const event = new ControlledEvent();
    void event.invoke();
    expect(() => event.ctx?.reportProgress(Number.NaN)).toThrow(ValidationError);
  });
});

describe('history', () => {
  it('records pending, processing and the end with times from the clock', async () => {
    const clock = manualClock(1_000);
    const event = new ControlledEvent({ clock });
    clock.set(1_500);
    const run = event.invoke();
    clock.set(4_000);
    event.fail(new Error('x'));
    await run;
    expect(event.history).toEqual([
      { status: 'pending', at: 1_000 },
      { status: 'processing', at: 1_500 },
      { status: 'failed', at: 4_000 },
    ]);
    expect(event.execution.duration).toBe(2.5);
  });

  it('holds only pending before the event runs', () => {
    expect(new ControlledEvent({ clock: manualClock(7) }).history).toEqual([
      { status: 'pending', at: 7 },
    ]);
  });

  it('uses the clock set with configureEvents when the event brings none', () => {
    const previous = configureEvents({ clock: { now: () => 42_000 } });
    try {
      const event = new ControlledEvent();
      expect(event.history).toEqual([{ status: 'pending', at: 42_000 }]);
      expect(event.createdAt.getTime()).toBe(42_000);
    } finally {
      configureEvents(previous);
    }
    expect(eventDefaults().clock).toBe(previous.clock);
  });
});

describe('asFreshEvent', () => {
  it('makes a pending event of the same class with the same configuration and timeout', () => {
    const original = new SlowEvent({ delay: 5, timeout: 0.05, returnValue: 'x' });
    const fresh = original.asFreshEvent();
    expect(fresh).toBeInstanceOf(SlowEvent);
    expect(fresh.delay).toBe(5);
    expect(fresh.returnValue).toBe('x');
    expect(fresh.timeout).toBe(0.05);
  });

  it('gives the fresh event a new id and createdAt', () => {
    const clock = manualClock(1_000);
    const original = new SimpleEvent({ clock });
    clock.set(2_000);
    const fresh = original.asFreshEvent();
    expect(fresh.id).not.toBe(original.id);
    expect(fresh.id).toMatch(UUID_V4);
    expect(fresh.createdAt.getTime()).toBe(2_000);
  });

  it('gives the fresh event a pending execution with everything Unset', async () => {
    const original = new FailingEvent();
    await original.invoke();
    const fresh = original.asFreshEvent();
    expect(fresh.execution).toMatchObject({
      status: 'pending',
      duration: Unset,
      response: Unset,
      error: Unset,
      retryable: Unset,
    });
    expect(fresh.history).toHaveLength(1);
  });

  it('does not copy metadata by default, but points back at the original', () => {
    const original = new SimpleEvent({ metadata: { owner: 'ana' } });
    const fresh = original.asFreshEvent();
    expect(fresh.metadata).toEqual({
      original: { id: original.id, created_at: original.createdAt.toISOString() },
    });
  });

  it('copies metadata with copyMeta: true', () => {
    const original = new SimpleEvent({ metadata: { owner: 'ana', attempt: 1 } });
    const fresh = original.asFreshEvent({ copyMeta: true });
    expect(fresh.metadata).toEqual({
      owner: 'ana',
      attempt: 1,
      original: { id: original.id, created_at: original.createdAt.toISOString() },
    });
  });

  it('does not share metadata with the original', () => {
    const original = new SimpleEvent({ metadata: { owner: 'ana' } });
    const fresh = original.asFreshEvent({ copyMeta: true });
    fresh.metadata.owner = 'bo';
    expect(original.metadata).toEqual({ owner: 'ana' });
    expect(original.metadata.original).toBeUndefined();
  });

  it('points a fresh copy of a fresh copy at its direct predecessor', () => {
    const first = new SimpleEvent();
    const second = first.asFreshEvent();
    const third = second.asFreshEvent({ copyMeta: true });
    expect(third.metadata.original).toEqual({
      id: second.id,
      created_at: second.createdAt.toISOString(),
    });
  });

  it('runs the work again in the fresh event', async () => {
    const original = new CountingEvent();
    await original.invoke();
    const fresh = original.asFreshEvent();
    await expect(fresh.invoke()).resolves.toBe('result_1');
    expect(fresh.callCount).toBe(1);
    expect(original.callCount).toBe(1);
  });

  it('keeps the clock of the original', () => {
    const original = new SimpleEvent({ clock: { now: () => 77 } });
    expect(original.asFreshEvent().createdAt.getTime()).toBe(77);
  });
});

describe('toDict', () => {
  it('is {id, created_at, metadata, execution} with the execution in its toDict shape', () => {
    const event = new SimpleEvent({
      metadata: { owner: 'ana' },
      clock: { now: () => Date.UTC(2026, 10, 20, 9, 30, 0, 157) },
    });
    expect(event.toDict()).toStrictEqual({
      id: event.id,
      created_at: '2026-11-20T09:30:00.157Z',
      metadata: { owner: 'ana' },
      execution: {
        status: 'pending',
        duration: null,
        response: null,
        error: null,
        retryable: null,
      },
    });
  });

  it('makes metadata JSON-safe', () => {
    const event = new SimpleEvent({
      metadata: { big: 10n, tags: new Set(['a']), gone: undefined },
    });
    expect(event.toDict().metadata).toStrictEqual({ big: '10', tags: ['a'] });
  });

  it('writes a response with no JSON form as "<unserializable>"', async () => {
    const event = new SimpleEvent({ returnValue: () => 1 });
    await event.invoke();
    expect(event.execution.toDict().response).toBe('<unserializable>');
  });

  it('writes a cyclic response as "<unserializable>"', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const event = new SimpleEvent({ returnValue: cyclic });
    await event.invoke();
    expect(event.execution.response).toBe(cyclic);
    expect(event.execution.toDict().response).toBe('<unserializable>');
  });

  it('writes a Map response as an object', async () => {
    const event = new SimpleEvent({ returnValue: new Map([['a', 1]]) });
    await event.invoke();
    expect(event.execution.toDict().response).toEqual({ a: 1 });
  });

  it('writes a cancelled event with its CancellationError', () => {
    const event = new ControlledEvent();
    event.cancel('stop');
    expect(event.execution.toDict()).toStrictEqual({
      status: 'cancelled',
      duration: 0,
      response: null,
      error: { error: 'CancellationError', message: 'stop', retryable: true },
      retryable: true,
    });
  });

  it('writes an aborted event with the pre-check error and its details', async () => {
    const event = new GuardedEvent();
    await event.invoke();
    expect(event.execution.toDict().error).toStrictEqual({
      error: 'ValidationError',
      message: 'amount 150 is over the limit of 100',
      retryable: false,
      details: { amount: 150, limit: 100 },
    });
  });

  it('writes a skipped event with a null error and not retryable', () => {
    const event = new ControlledEvent();
    event.skip();
    expect(event.execution.toDict()).toStrictEqual({
      status: 'skipped',
      duration: 0,
      response: null,
      error: null,
      retryable: false,
    });
  });
});
