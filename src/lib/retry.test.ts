import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FailingEvent } from './demo/failingEvent.ts';
import { FlakyEvent } from './demo/flakyEvent.ts';
import { SimpleEvent } from './demo/simpleEvent.ts';
import { SlowEvent } from './demo/slowEvent.ts';
import { CancellationError } from './errors/cancellationError.ts';
import { ValidationError } from './errors/validationError.ts';
import type { Event } from './event.ts';
import {
  delayBefore,
  runWithRetry,
  type AttemptInfo,
  type FailedAttemptInfo,
  type RetryOptions,
  type RetryResult,
} from './retry.ts';

/** A randomness source that plays `values` in order, then repeats the last. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

/** A FlakyEvent that fails `failures` times (in its attempt chain), then succeeds. */
function failsThenSucceeds(failures: number): FlakyEvent {
  const draws = [...Array.from({ length: failures }, () => 0), 0.99];
  return new FlakyEvent({ failureRate: 0.5, random: sequence(...draws) });
}

/** Runs to the end with fake timers, letting every backoff wait elapse. */
async function runToEnd<TEvent extends Event>(
  event: TEvent,
  options: RetryOptions = {},
): Promise<RetryResult<TEvent>> {
  const run = runWithRetry(event, options);
  await vi.runAllTimersAsync();
  return run;
}

const POLICY = { baseDelay: 1, factor: 2, maxDelay: 30, jitter: 0, random: () => 0 };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('runWithRetry', () => {
  it('an event that completes first time is run once', async () => {
    const event = new SimpleEvent({ returnValue: 'ok' });
    const result = await runToEnd(event);
    expect(result.outcome).toBe('completed');
    expect(result.attempts).toEqual([event]);
    expect(result.last).toBe(event);
    expect(event.metadata.attempt).toBe(1);
  });

  it('retries a retryable failure until an attempt completes', async () => {
    const result = await runToEnd(failsThenSucceeds(2), { ...POLICY, maxAttempts: 5 });
    expect(result.outcome).toBe('completed');
    expect(result.attempts.map((attempt) => attempt.status)).toEqual([
      'failed',
      'failed',
      'completed',
    ]);
    expect(result.last.execution.response).toBe('ok');
  });

  it('returns the whole chain, each attempt a fresh copy of the one before', async () => {
    const { attempts } = await runToEnd(failsThenSucceeds(2), { ...POLICY, maxAttempts: 5 });
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((attempt) => attempt.id)).size).toBe(3);
    for (let index = 1; index < attempts.length; index++) {
      const before = attempts[index - 1];
      expect(attempts[index]).toBeInstanceOf(FlakyEvent);
      expect(attempts[index]?.metadata.original).toEqual({
        id: before?.id,
        created_at: before?.createdAt.toISOString(),
      });
    }
  });

  it('records the 1-based attempt number in each attempt’s metadata', async () => {
    const { attempts } = await runToEnd(failsThenSucceeds(2), { ...POLICY, maxAttempts: 5 });
    expect(attempts.map((attempt) => attempt.metadata.attempt)).toEqual([1, 2, 3]);
  });

  it('keeps an attempt number the first event already has', async () => {
    const event = new SimpleEvent({ metadata: { attempt: 4 } });
    await runToEnd(event);
    expect(event.metadata.attempt).toBe(4);
  });

  it('stops after maxAttempts retryable failures as exhausted', async () => {
    const result = await runToEnd(new FailingEvent(), { ...POLICY, maxAttempts: 3 });
    expect(result.outcome).toBe('exhausted');
    expect(result.attempts).toHaveLength(3);
    expect(result.last.status).toBe('failed');
  });

  it('makes three attempts by default', async () => {
    const result = await runToEnd(new FailingEvent());
    expect(result.attempts).toHaveLength(3);
  });

  it('stops at the first failure that is not retryable', async () => {
    const event = new FlakyEvent({ failureRate: 1, errorKind: 'validation' });
    const result = await runToEnd(event, { ...POLICY, maxAttempts: 5 });
    expect(result.outcome).toBe('not-retryable');
    expect(result.attempts).toEqual([event]);
  });

  it('retries an attempt that timed out', async () => {
    const event = new SlowEvent({ delay: 5, timeout: 0.05 });
    const result = await runToEnd(event, { ...POLICY, maxAttempts: 2 });
    expect(result.outcome).toBe('exhausted');
    expect(result.attempts.map((attempt) => attempt.status)).toEqual(['cancelled', 'cancelled']);
    expect(result.attempts[1]?.timeout).toBe(0.05);
  });

  it('counts an event that already ended as the first attempt without running it again', async () => {
    const event = new SimpleEvent({ returnValue: 'done before' });
    await event.invoke();
    const result = await runToEnd(event);
    expect(result.outcome).toBe('completed');
    expect(result.attempts).toHaveLength(1);
  });

  it('copies metadata into each attempt by default', async () => {
    const event = new FailingEvent({ metadata: { job: 'sync' } });
    const { attempts } = await runToEnd(event, { ...POLICY, maxAttempts: 2 });
    expect(attempts[1]?.metadata.job).toBe('sync');
  });

  it('leaves metadata behind with copyMeta: false', async () => {
    const event = new FailingEvent({ metadata: { job: 'sync' } });
    const { attempts } = await runToEnd(event, { ...POLICY, maxAttempts: 2, copyMeta: false });
    expect(Object.keys(attempts[1]?.metadata ?? {}).sort()).toEqual(['attempt', 'original']);
  });

  it('tells onAttempt as each attempt starts', async () => {
    const heard: AttemptInfo[] = [];
    await runToEnd(failsThenSucceeds(1), {
      ...POLICY,
      maxAttempts: 4,
      onAttempt: (info) => heard.push(info),
    });
    expect(heard.map(({ attempt, maxAttempts }) => [attempt, maxAttempts])).toEqual([
      [1, 4],
      [2, 4],
    ]);
    expect(heard[0]?.event.status).toBe('failed');
  });

  it('tells onFailedAttempt the retries left and the wait before the next attempt', async () => {
    const heard: FailedAttemptInfo[] = [];
    await runToEnd(new FailingEvent(), {
      ...POLICY,
      maxAttempts: 3,
      onFailedAttempt: (info) => heard.push(info),
    });
    expect(
      heard.map(({ attempt, retriesLeft, nextDelay }) => [attempt, retriesLeft, nextDelay]),
    ).toEqual([
      [1, 2, 1],
      [2, 1, 2],
      [3, 0, undefined],
    ]);
  });

  it('gives no next delay when an attempt fails for good', async () => {
    const onFailedAttempt = vi.fn();
    await runToEnd(new FlakyEvent({ failureRate: 1, errorKind: 'validation' }), {
      ...POLICY,
      onFailedAttempt,
    });
    expect(onFailedAttempt).toHaveBeenCalledWith(
      expect.objectContaining({ attempt: 1, retriesLeft: 2, nextDelay: undefined }),
    );
  });
});

describe('backoff', () => {
  it('waits baseDelay, then factor times longer, before each attempt', async () => {
    const starts: number[] = [];
    const run = runWithRetry(new FailingEvent(), {
      ...POLICY,
      maxAttempts: 3,
      onAttempt: () => starts.push(Date.now()),
    });
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(999);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(starts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts.map((at) => at - start)).toEqual([0, 1000, 3000]);
    await run;
  });

  it('never waits longer than maxDelay', async () => {
    const delays: (number | undefined)[] = [];
    await runToEnd(new FailingEvent(), {
      ...POLICY,
      factor: 10,
      maxDelay: 2,
      maxAttempts: 4,
      onFailedAttempt: ({ nextDelay }) => delays.push(nextDelay),
    });
    expect(delays).toEqual([1, 2, 2, undefined]);
  });

  it('takes the jitter share off each wait using the injected randomness', async () => {
    const delays: (number | undefined)[] = [];
    await runToEnd(new FailingEvent(), {
      ...POLICY,
      jitter: 0.5,
      random: () => 0.5,
      maxAttempts: 3,
      onFailedAttempt: ({ nextDelay }) => delays.push(nextDelay),
    });
    expect(delays).toEqual([0.75, 1.5, undefined]);
  });

  it('waits the jittered time, not the exact one', async () => {
    const starts: number[] = [];
    const run = runWithRetry(new FailingEvent(), {
      ...POLICY,
      jitter: 0.5,
      random: () => 0.5,
      maxAttempts: 2,
      onAttempt: () => starts.push(Date.now()),
    });
    await vi.advanceTimersByTimeAsync(749);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toHaveLength(2);
    await run;
  });

  it('spreads waits between (1 - jitter) and 1 times the exact wait by default', () => {
    const policy = { baseDelay: 1, factor: 2, maxDelay: 30, jitter: 0.2 };
    expect(delayBefore(3, { ...policy, random: () => 0 })).toBe(2);
    expect(delayBefore(3, { ...policy, random: () => 0.999999 })).toBeCloseTo(1.6, 5);
  });

  it('can wait almost nothing with full jitter', () => {
    const delay = delayBefore(2, {
      baseDelay: 1,
      factor: 2,
      maxDelay: 30,
      jitter: 1,
      random: () => 0.99,
    });
    expect(delay).toBeCloseTo(0.01, 10);
  });

  it('does not cut short a wait longer than the longest timer delay', async () => {
    const month = 30 * 24 * 3600;
    const onAttempt = vi.fn();
    const run = runWithRetry(new FailingEvent(), {
      ...POLICY,
      baseDelay: month,
      maxDelay: month,
      maxAttempts: 2,
      onAttempt,
    });
    await vi.advanceTimersByTimeAsync(month * 1000 - 1);
    expect(onAttempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(onAttempt).toHaveBeenCalledTimes(2);
    await run;
  });
});

describe('aborting a retry run', () => {
  it('an abort during a backoff wait ends the run without another attempt', async () => {
    const controller = new AbortController();
    const run = runWithRetry(new FailingEvent(), {
      ...POLICY,
      maxAttempts: 5,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    const result = await run;
    expect(result.outcome).toBe('aborted');
    expect(result.attempts).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an abort during an attempt cancels it at once, even when its work ignores the signal', async () => {
    const controller = new AbortController();
    const event = new SlowEvent({ delay: 60, ignoreSignal: true });
    const run = runWithRetry(event, { ...POLICY, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const result = await run;
    expect(result.outcome).toBe('aborted');
    expect(result.attempts).toEqual([event]);
    expect(event.status).toBe('cancelled');
    expect(event.execution.error).toBeInstanceOf(CancellationError);
    expect((event.execution.error as Error).message).toBe('Retry run aborted');
  });

  it('a signal aborted before the run starts cancels the event without running it', async () => {
    const controller = new AbortController();
    controller.abort();
    const onAttempt = vi.fn();
    const event = new SimpleEvent({ returnValue: 1 });
    const result = await runWithRetry(event, { signal: controller.signal, onAttempt });
    expect(result.outcome).toBe('aborted');
    expect(event.status).toBe('cancelled');
    expect(onAttempt).not.toHaveBeenCalled();
  });

  it('stops listening to the signal once the run is over', async () => {
    const { signal } = new AbortController();
    const added = vi.spyOn(signal, 'addEventListener');
    const removed = vi.spyOn(signal, 'removeEventListener');
    await runToEnd(failsThenSucceeds(2), { ...POLICY, signal });
    expect(added).toHaveBeenCalled();
    expect(removed).toHaveBeenCalledTimes(added.mock.calls.length);
  });
});

describe('retry options', () => {
  it.each([
    [{ maxAttempts: 0 }, 'maxAttempts must be a whole number of at least 1, got 0'],
    [{ maxAttempts: 1.5 }, 'maxAttempts must be a whole number of at least 1, got 1.5'],
    [{ maxAttempts: Number.NaN }, 'got NaN'],
    [{ baseDelay: -1 }, 'baseDelay must be a finite number of seconds, at least 0, got -1'],
    [{ baseDelay: Number.POSITIVE_INFINITY }, 'baseDelay'],
    [{ factor: 0.5 }, 'factor must be a finite number, at least 1, got 0.5'],
    [{ maxDelay: Number.NaN }, 'maxDelay must be a finite number of seconds, at least 0, got NaN'],
    [{ jitter: 1.5 }, 'jitter must be a number from 0 to 1, got 1.5'],
    [{ jitter: -0.1 }, 'jitter must be a number from 0 to 1, got -0.1'],
    [{ maxAttempts: '3' as unknown as number }, 'got "3" (a string)'],
  ] as [RetryOptions, string][])(
    'rejects %o with a ValidationError naming the value',
    async (options, message) => {
      await expect(runWithRetry(new SimpleEvent(), options)).rejects.toThrow(ValidationError);
      await expect(runWithRetry(new SimpleEvent(), options)).rejects.toThrow(message);
    },
  );

  it('runs nothing when the options are invalid', async () => {
    const event = new SimpleEvent();
    await expect(runWithRetry(event, { maxAttempts: 0 })).rejects.toThrow(ValidationError);
    expect(event.status).toBe('pending');
  });

  it('accepts the edges of each range', async () => {
    const result = await runToEnd(new SimpleEvent(), {
      maxAttempts: 1,
      baseDelay: 0,
      factor: 1,
      maxDelay: 0,
      jitter: 1,
    });
    expect(result.outcome).toBe('completed');
  });
});
