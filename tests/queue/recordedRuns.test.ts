import type { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createEventProcessor,
  createEventRegistry,
  recordedRuns,
  STALLED_ERROR,
  type EventJobData,
} from '../../src/lib/bullmq';
import { ScriptedEvent, type ScriptedOutcome } from './scriptedEvent';

// The processor against a job object that keeps its writes, without Redis: which writes a
// run makes, and what a job's history says about runs that left none.
const registry = createEventRegistry({ ScriptedEvent });

function fakeJob(plan: ScriptedOutcome[], workMs: number, attemptsStarted = 1) {
  const event = new ScriptedEvent({ plan, workMs });
  const writes: EventJobData[] = [];
  const job = {
    id: '7',
    queueName: 'q',
    opts: { attempts: 3 },
    attemptsStarted,
    data: {
      kind: 'ScriptedEvent',
      init: { plan, workMs },
      event: event.toDict(),
      attempts: [],
    } as EventJobData,
    updateData(data: EventJobData) {
      writes.push(data);
      job.data = data;
      return Promise.resolve();
    },
    log: () => Promise.resolve(1),
  };
  return { job: job as unknown as Job<EventJobData>, writes, event };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('what a run writes to its job', () => {
  it('a short completed run writes nothing: its record is the return value', async () => {
    const { job, writes } = fakeJob(['ok'], 50);
    const run = createEventProcessor({ registry })(job);
    await vi.advanceTimersByTimeAsync(50);
    const result = await run;
    expect(writes).toEqual([]);
    expect(result.response).toBe('done on attempt 1');
    expect(result.run.event.execution.status).toBe('completed');
    const runs = recordedRuns({ data: job.data, returnvalue: result });
    expect(runs.map((a) => [a.attempt, a.event.execution.response])).toEqual([
      [1, 'done on attempt 1'],
    ]);
  });

  it('a short failed run is written once, when it ends', async () => {
    const { job, writes } = fakeJob(['fatal'], 50);
    const run = createEventProcessor({ registry })(job);
    const failed = expect(run).rejects.toThrow('ValidationError: bad input');
    await vi.advanceTimersByTimeAsync(50);
    await failed;
    expect(writes.map((data) => data.attempts.map((a) => a.event.execution.status))).toEqual([
      ['failed'],
    ]);
  });

  it('a run that lasts is written while it runs, then completes with its record', async () => {
    const { job, writes } = fakeJob(['ok'], 500);
    const run = createEventProcessor({ registry, recordStartAfterMs: 100 })(job);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes.map((data) => data.attempts[0]?.event.execution.status)).toEqual(['processing']);
    await vi.advanceTimersByTimeAsync(400);
    const result = await run;
    expect(writes).toHaveLength(1);
    // The completed record takes the place of the one written while it ran.
    const runs = recordedRuns({ data: job.data, returnvalue: result });
    expect(runs.map((a) => a.event.execution.status)).toEqual(['completed']);
  });

  it('recordStartAfterMs 0 writes every run as it starts', async () => {
    const { job, writes } = fakeJob(['ok'], 0);
    await createEventProcessor({ registry, recordStartAfterMs: 0 })(job);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.attempts[0]?.event.execution.status).toBe('processing');
  });

  it('a run BullMQ started that left no record is kept as a stalled attempt before the next', async () => {
    const { job, writes, event } = fakeJob(['ok'], 0, 3);
    const result = await createEventProcessor({ registry, now: () => 1_000 })(job);
    // The stalled runs go to the job's data, the completed one is the return value.
    expect(writes.at(-1)?.attempts.map((a) => a.attempt)).toEqual([1, 2]);
    const attempts = recordedRuns({ data: job.data, returnvalue: result });
    expect(attempts.map((a) => [a.attempt, a.event.execution.status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'completed'],
    ]);
    expect(attempts[0]?.event.id).toBe(event.id);
    expect(attempts[0]?.event.execution.error).toEqual(STALLED_ERROR);
    expect(attempts[1]?.event.metadata.original).toEqual({
      id: event.id,
      created_at: attempts[0]?.event.created_at,
    });
    expect(attempts[2]?.event.metadata.original).toMatchObject({ id: attempts[1]?.event.id });
    expect(attempts[2]?.event.metadata.job).toMatchObject({ attempt: 3, attemptsStarted: 3 });
  });

  it('a completed run with every earlier run already recorded writes nothing more', async () => {
    const { job, writes } = fakeJob(['retryable', 'ok'], 0, 1);
    const processor = createEventProcessor({ registry });
    await expect(processor(job)).rejects.toThrow();
    (job as { attemptsStarted: number }).attemptsStarted = 2;
    const result = await processor(job);
    expect(writes).toHaveLength(1);
    expect(
      recordedRuns({ data: job.data, returnvalue: result }).map((a) => a.event.execution.status),
    ).toEqual(['failed', 'completed']);
  });
});

describe('recordedRuns', () => {
  it('reads a job whose return value is not a run record as its data alone', () => {
    const { job } = fakeJob(['ok'], 0);
    expect(recordedRuns({ data: job.data, returnvalue: 'plain' })).toBe(job.data.attempts);
    expect(recordedRuns({ data: job.data, returnvalue: null })).toBe(job.data.attempts);
    expect(recordedRuns({ data: job.data, returnvalue: { run: { attempt: 0 } } })).toBe(
      job.data.attempts,
    );
  });
});
