import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureEvents, type EventDefaults } from './config.ts';
import { FlakyEvent } from './demo/flakyEvent.ts';
import { ProgressReportingEvent } from './demo/progressReportingEvent.ts';
import { SlowEvent } from './demo/slowEvent.ts';
import { StatusTrackingEvent } from './demo/statusTrackingEvent.ts';
import { runWithRetry } from './retry.ts';
import { systemScheduler, type Scheduler } from './scheduler.ts';

/** A scheduler whose timers run only when the test says so, by due time. */
function manualScheduler(): Scheduler & {
  pending: () => number[];
  runNext: () => void;
  cleared: number;
} {
  let nextId = 0;
  const timers = new Map<number, { callback: () => void; ms: number }>();
  const scheduler = {
    cleared: 0,
    setTimeout(callback: () => void, ms: number): number {
      nextId += 1;
      timers.set(nextId, { callback, ms });
      return nextId;
    },
    clearTimeout(handle: unknown): void {
      if (timers.delete(handle as number)) scheduler.cleared += 1;
    },
    pending: () => [...timers.values()].map((timer) => timer.ms).sort((a, b) => a - b),
    runNext(): void {
      const [id, timer] = [...timers.entries()].sort((a, b) => a[1].ms - b[1].ms)[0] ?? [];
      if (id === undefined || timer === undefined) throw new Error('no timer is scheduled');
      timers.delete(id);
      timer.callback();
    },
  };
  return scheduler;
}

let previous: EventDefaults;
beforeEach(() => {
  vi.useFakeTimers();
  previous = configureEvents({});
});
afterEach(() => {
  configureEvents(previous);
  vi.useRealTimers();
});

describe('systemScheduler', () => {
  it('follows timers installed after it was made', () => {
    const fired = vi.fn();
    systemScheduler.setTimeout(fired, 50);
    vi.advanceTimersByTime(49);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('clears a timer before it runs', () => {
    const fired = vi.fn();
    const handle = systemScheduler.setTimeout(fired, 50);
    systemScheduler.clearTimeout(handle);
    vi.advanceTimersByTime(100);
    expect(fired).not.toHaveBeenCalled();
  });
});

describe('an event with its own scheduler', () => {
  it('waits its timeout on that scheduler, not on the global timers', async () => {
    const scheduler = manualScheduler();
    const event = new SlowEvent({ delay: 10, timeout: 0.05, scheduler });
    const run = event.invoke();
    expect(scheduler.pending()).toEqual([50, 10_000]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(event.status).toBe('processing');
    scheduler.runNext();
    await run;
    expect(event.status).toBe('cancelled');
    expect(event.execution.error).toMatchObject({ name: 'TimeoutError' });
  });

  it('clears its timeout on that scheduler when the work ends first', async () => {
    const scheduler = manualScheduler();
    const event = new SlowEvent({ delay: 0.01, timeout: 1, scheduler });
    const run = event.invoke();
    scheduler.runNext(); // the work's sleep
    await run;
    expect(event.status).toBe('completed');
    expect(scheduler.pending()).toEqual([]);
    expect(scheduler.cleared).toBe(1);
  });

  it('hands the scheduler to the work, so the demo kinds sleep on it', async () => {
    const scheduler = manualScheduler();
    const tracking = new StatusTrackingEvent({ delay: 0.2, scheduler });
    const progress = new ProgressReportingEvent({ steps: 2, stepDelay: 0.3, scheduler });
    void tracking.invoke();
    const progressRun = progress.invoke();
    expect(scheduler.pending()).toEqual([200, 300]);
    scheduler.runNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(tracking.status).toBe('completed');
    scheduler.runNext();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.runNext();
    await progressRun;
    expect(progress.execution.response).toBe(2);
  });

  it('takes the scheduler set with configureEvents when it brings none', async () => {
    const scheduler = manualScheduler();
    configureEvents({ scheduler });
    const event = new SlowEvent({ delay: 1 });
    const run = event.invoke();
    expect(scheduler.pending()).toEqual([1000]);
    scheduler.runNext();
    await run;
    expect(event.status).toBe('completed');
  });

  it('keeps the scheduler it was made with when the defaults change later', async () => {
    const scheduler = manualScheduler();
    configureEvents({ scheduler });
    const event = new SlowEvent({ delay: 1 });
    configureEvents({ scheduler: systemScheduler });
    const run = event.invoke();
    expect(scheduler.pending()).toEqual([1000]);
    scheduler.runNext();
    await run;
  });
});

describe('retry backoff', () => {
  it('waits on the scheduler it is given', async () => {
    const scheduler = manualScheduler();
    const draws = [0, 0.99];
    const event = new FlakyEvent({ failureRate: 0.5, random: () => draws.shift() ?? 0.99 });
    const run = runWithRetry(event, { baseDelay: 2, jitter: 0, scheduler });
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.pending()).toEqual([2000]);
    await vi.advanceTimersByTimeAsync(60_000);
    scheduler.runNext();
    const result = await run;
    expect(result.outcome).toBe('completed');
    expect(result.attempts).toHaveLength(2);
  });

  it('waits on the configured scheduler by default', async () => {
    const scheduler = manualScheduler();
    configureEvents({ scheduler });
    const draws = [0, 0.99];
    const event = new FlakyEvent({ failureRate: 0.5, random: () => draws.shift() ?? 0.99 });
    const run = runWithRetry(event, { baseDelay: 0.5, jitter: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.pending()).toEqual([500]);
    scheduler.runNext();
    expect((await run).outcome).toBe('completed');
  });
});
