/**
 * The eight sections of lionherd-core's Event notebook, with the values it printed. The
 * expected execution shapes are those of the notebook's recorded run (lionherd-core's
 * `Execution.to_dict()`), with measured durations left free and Python's `ExceptionGroup`
 * spelled `AggregateError`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CountingEvent,
  FailingEvent,
  KeyError,
  MultiErrorEvent,
  NullEvent,
  SimpleEvent,
  SlowEvent,
  StatusTrackingEvent,
  ValueError,
} from './demo/index.ts';
import { TimeoutError } from './errors/timeoutError.ts';
import type { EventStatus } from './status.ts';
import { Unset } from './unset.ts';

const anyDuration = expect.any(Number) as number;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('1. construction and invocation', () => {
  it('a new event is pending', () => {
    expect(new SimpleEvent({ returnValue: 42 }).status).toBe('pending');
  });

  it('invoking a SimpleEvent returns 42 and completes it', async () => {
    const event = new SimpleEvent({ returnValue: 42 });
    await expect(event.invoke()).resolves.toBe(42);
    expect(event.status).toBe('completed');
    expect(event.execution.response).toBe(42);
  });

  it('the completed SimpleEvent serializes as in the notebook run', async () => {
    const event = new SimpleEvent({ returnValue: 42 });
    await event.invoke();
    expect(event.execution.toDict()).toStrictEqual({
      status: 'completed',
      duration: anyDuration,
      response: 42,
      error: null,
      retryable: false,
    });
  });
});

describe('2. lifecycle transitions', () => {
  it('a StatusTrackingEvent goes pending → processing → completed with "done"', async () => {
    const event = new StatusTrackingEvent();
    const seen: EventStatus[] = [event.status];
    const run = event.invoke();
    seen.push(event.status);
    await vi.advanceTimersByTimeAsync(10);
    seen.push(event.status);
    await expect(run).resolves.toBe('done');
    expect(seen).toEqual(['pending', 'processing', 'completed']);
  });

  it('the history records the same three statuses', async () => {
    const event = new StatusTrackingEvent();
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(10);
    await run;
    expect(event.history.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
  });

  it('the completed StatusTrackingEvent serializes as in the notebook run', async () => {
    const event = new StatusTrackingEvent();
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(10);
    await run;
    expect(event.execution.toDict()).toStrictEqual({
      status: 'completed',
      duration: anyDuration,
      response: 'done',
      error: null,
      retryable: false,
    });
  });
});

describe('3. success vs failure', () => {
  it('a successful event completes with "success!"', async () => {
    const event = new SimpleEvent({ returnValue: 'success!' });
    await expect(event.invoke()).resolves.toBe('success!');
    expect(event.execution.toDict()).toStrictEqual({
      status: 'completed',
      duration: anyDuration,
      response: 'success!',
      error: null,
      retryable: false,
    });
  });

  it('a failing event fails with ValueError "Something broke" and is retryable', async () => {
    const event = new FailingEvent();
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.status).toBe('failed');
    expect(event.execution.error).toBeInstanceOf(ValueError);
    expect((event.execution.error as Error).message).toBe('Something broke');
    expect(event.execution.retryable).toBe(true);
    expect(event.execution.response).toBe(Unset);
  });

  it('the failed event serializes as in the notebook run', async () => {
    const event = new FailingEvent();
    await event.invoke();
    expect(event.execution.toDict()).toStrictEqual({
      status: 'failed',
      duration: anyDuration,
      response: null,
      error: { error: 'ValueError', message: 'Something broke' },
      retryable: true,
    });
  });
});

describe('4. timeout', () => {
  it('a slow event that finishes within its timeout completes with "fast"', async () => {
    const event = new SlowEvent({ delay: 0.01, timeout: 1, returnValue: 'fast' });
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(10);
    await expect(run).resolves.toBe('fast');
    expect(event.execution.toDict()).toStrictEqual({
      status: 'completed',
      duration: anyDuration,
      response: 'fast',
      error: null,
      retryable: false,
    });
  });

  it('a slow event past its 0.05s timeout ends cancelled with a retryable TimeoutError', async () => {
    const event = new SlowEvent({ delay: 5, timeout: 0.05 });
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(50);
    await expect(run).resolves.toBeUndefined();
    expect(event.status).toBe('cancelled');
    expect(event.execution.error).toBeInstanceOf(TimeoutError);
    expect(event.execution.retryable).toBe(true);
  });

  it('the timed-out event serializes as in the notebook run', async () => {
    const event = new SlowEvent({ delay: 5, timeout: 0.05 });
    const run = event.invoke();
    await vi.advanceTimersByTimeAsync(50);
    await run;
    expect(event.execution.toDict()).toStrictEqual({
      status: 'cancelled',
      duration: anyDuration,
      response: null,
      error: {
        error: 'TimeoutError',
        message: 'Operation timed out after 0.05s',
        retryable: true,
      },
      retryable: true,
    });
  });
});

describe('5. idempotency', () => {
  it('three sequential invocations all return "result_1" and the work runs once', async () => {
    const event = new CountingEvent();
    const results = [await event.invoke(), await event.invoke(), await event.invoke()];
    expect(results).toEqual(['result_1', 'result_1', 'result_1']);
    expect(event.callCount).toBe(1);
  });

  it('three concurrent invocations all return "result_1" and the work runs once', async () => {
    const event = new CountingEvent();
    const results = await Promise.all([event.invoke(), event.invoke(), event.invoke()]);
    expect(results).toEqual(['result_1', 'result_1', 'result_1']);
    expect(event.callCount).toBe(1);
  });

  it('the counting event serializes as in the notebook run', async () => {
    const event = new CountingEvent();
    await Promise.all([event.invoke(), event.invoke(), event.invoke()]);
    expect(event.execution.toDict()).toStrictEqual({
      status: 'completed',
      duration: anyDuration,
      response: 'result_1',
      error: null,
      retryable: false,
    });
  });
});

describe('6. fresh retry', () => {
  async function failThenRetry(): Promise<{ first: FailingEvent; second: FailingEvent }> {
    const first = new FailingEvent({ errorMsg: 'Network timeout', metadata: { attempt: 1 } });
    await first.invoke();
    const second = first.asFreshEvent({ copyMeta: true });
    second.metadata.attempt = 2;
    await second.invoke();
    return { first, second };
  }

  it('the fresh event is a new pending FailingEvent with the same message', async () => {
    const first = new FailingEvent({ errorMsg: 'Network timeout', metadata: { attempt: 1 } });
    await first.invoke();
    const second = first.asFreshEvent({ copyMeta: true });
    expect(second).toBeInstanceOf(FailingEvent);
    expect(second.id).not.toBe(first.id);
    expect(second.status).toBe('pending');
    expect(second.errorMsg).toBe('Network timeout');
  });

  it('the fresh event points back at the first attempt and carries attempt numbers', async () => {
    const { first, second } = await failThenRetry();
    expect(first.metadata).toEqual({ attempt: 1 });
    expect(second.metadata).toEqual({
      attempt: 2,
      original: { id: first.id, created_at: first.createdAt.toISOString() },
    });
  });

  it('both attempts fail with "Network timeout" and stay retryable', async () => {
    const { first, second } = await failThenRetry();
    for (const attempt of [first, second]) {
      expect(attempt.execution.toDict()).toStrictEqual({
        status: 'failed',
        duration: anyDuration,
        response: null,
        error: { error: 'ValueError', message: 'Network timeout' },
        retryable: true,
      });
    }
  });

  it('the fresh event serializes its link to the original in toDict', async () => {
    const { first, second } = await failThenRetry();
    expect(second.toDict().metadata).toStrictEqual({
      attempt: 2,
      original: { id: first.id, created_at: first.createdAt.toISOString() },
    });
  });
});

describe('7. aggregate errors', () => {
  it('a MultiErrorEvent fails with an aggregate of ValueError, TypeError and KeyError', async () => {
    const event = new MultiErrorEvent();
    await event.invoke();
    expect(event.status).toBe('failed');
    const error = event.execution.error as AggregateError;
    expect(error).toBeInstanceOf(AggregateError);
    expect(error.message).toBe('multiple errors (3 sub-exceptions)');
    expect(error.errors.map((inner: Error) => inner.constructor)).toEqual([
      ValueError,
      TypeError,
      KeyError,
    ]);
  });

  it('the aggregate is retryable because every error inside is', async () => {
    const event = new MultiErrorEvent();
    await event.invoke();
    expect(event.execution.retryable).toBe(true);
  });

  it('the failed aggregate serializes as in the notebook run', async () => {
    const event = new MultiErrorEvent();
    await event.invoke();
    expect(event.execution.toDict()).toStrictEqual({
      status: 'failed',
      duration: anyDuration,
      response: null,
      error: {
        error: 'AggregateError',
        message: 'multiple errors (3 sub-exceptions)',
        exceptions: [
          { error: 'ValueError', message: 'validation error' },
          { error: 'TypeError', message: 'type mismatch' },
          { error: 'KeyError', message: "'missing key'" },
        ],
      },
      retryable: true,
    });
  });
});

describe('8. Unset vs null', () => {
  it('a pending event that will return null has the response Unset, not null', () => {
    const event = new SimpleEvent({ returnValue: null });
    expect(event.execution.response).toBe(Unset);
    expect(event.execution.response).not.toBeNull();
  });

  it('the pending event serializes every Unset as null', () => {
    expect(new SimpleEvent({ returnValue: null }).execution.toDict()).toStrictEqual({
      status: 'pending',
      duration: null,
      response: null,
      error: null,
      retryable: null,
    });
  });

  it('once completed, the response is a real null', async () => {
    const event = new SimpleEvent({ returnValue: null });
    await expect(event.invoke()).resolves.toBeNull();
    expect(event.execution.response).toBeNull();
    expect(event.execution.response).not.toBe(Unset);
  });

  it('the completed null event serializes as in the notebook run', async () => {
    const event = new NullEvent();
    await event.invoke();
    expect(event.execution.toDict()).toStrictEqual({
      status: 'completed',
      duration: anyDuration,
      response: null,
      error: null,
      retryable: false,
    });
  });
});
