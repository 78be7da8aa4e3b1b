import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEventProcessor,
  createEventRegistry,
  enqueueEvent,
  recordedRuns,
  type EventJobData,
} from '../../src/lib/bullmq';
import { startRedis, type TestRedis } from './redisServer';
import { ScriptedEvent, type ScriptedOutcome } from './scriptedEvent';

const registry = createEventRegistry({ ScriptedEvent });
let redis: TestRedis;
let queue: Queue<EventJobData>;
let events: QueueEvents;
let worker: Worker<EventJobData>;

beforeAll(async () => {
  redis = await startRedis();
  const connection = { host: '127.0.0.1', port: redis.port };
  queue = new Queue('processor-test', { connection });
  events = new QueueEvents('processor-test', { connection });
  worker = new Worker('processor-test', createEventProcessor({ registry }), {
    connection,
    concurrency: 4,
  });
  await Promise.all([events.waitUntilReady(), worker.waitUntilReady()]);
}, 20_000);

afterAll(async () => {
  await worker.close();
  await events.close();
  await queue.close();
  await redis.stop();
});

async function runJob(plan: ScriptedOutcome[], timeout: number | null = null, attempts = 3) {
  const event = new ScriptedEvent({ plan, timeout, metadata: { order: 7 } });
  const job = await enqueueEvent(queue, event, {
    registry,
    jobOptions: { attempts, backoff: { type: 'fixed', delay: 10 } },
  });
  await job.waitUntilFinished(events, 15_000).catch(() => undefined);
  const done = (await queue.getJob(String(job.id))) as Job<EventJobData>;
  return { event, job: done, state: await done.getState() };
}

describe('events as BullMQ jobs, on a real Redis', () => {
  it('a completed event completes its job, recorded under the enqueued event’s id', async () => {
    const { event, job, state } = await runJob(['ok']);
    expect(state).toBe('completed');
    expect(job.returnvalue).toMatchObject({ response: 'done on attempt 1' });
    const runs = recordedRuns(job);
    const [first] = runs;
    expect(runs).toHaveLength(1);
    expect(first?.event.execution.response).toBe('done on attempt 1');
    // Kept once: the stored return value holds the response once and the run compactly, as
    // its three times (a first run that completed plainly: the rest follows from the job).
    expect(JSON.stringify(job.returnvalue).split('done on attempt 1')).toHaveLength(2);
    expect(job.returnvalue).toMatchObject({ firstRun: { attemptsStarted: 1 } });
    expect(first?.event.execution.duration).toBeGreaterThanOrEqual(0);
    // Nothing but the return value was written for it, and the enqueued event is kept as its
    // identity only: a pending event's blank execution is not stored.
    expect(job.data.attempts).toEqual([]);
    expect(job.data.event).toEqual({
      id: event.id,
      created_at: event.createdAt.toISOString(),
      metadata: { order: 7 },
    });
    expect(first?.event.id).toBe(event.id);
    expect(first?.event.execution.status).toBe('completed');
    expect(first?.event.metadata).toMatchObject({
      order: 7,
      attempt: 1,
      job: { queue: 'processor-test', id: String(job.id), attempt: 1, of: 3 },
    });
    expect(first?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
  });

  it('a completed run is stored before BullMQ announces the job completed', async () => {
    const seen: (string | undefined)[] = [];
    const jobs = await Promise.all(
      Array.from({ length: 20 }, () =>
        enqueueEvent(queue, new ScriptedEvent({ plan: ['ok'] }), { registry }),
      ),
    );
    const ids = new Set(jobs.map((job) => String(job.id)));
    const onCompleted = ({ jobId }: { jobId: string }): void => {
      if (!ids.has(jobId)) return;
      void queue.getJob(jobId).then((job) => {
        seen.push(job && recordedRuns(job).at(-1)?.event.execution.status);
      });
    };
    events.on('completed', onCompleted);
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(20);
    events.off('completed', onCompleted);
    expect(new Set(seen)).toEqual(new Set(['completed']));
  });

  it('a failure that is not retryable fails the job at once, without another attempt', async () => {
    const { job, state } = await runJob(['fatal', 'ok']);
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.data.attempts).toHaveLength(1);
    expect(job.data.attempts[0]?.event.execution.error).toEqual({
      error: 'ValidationError',
      message: 'bad input',
      retryable: false,
      details: { field: 'to' },
    });
    expect(job.failedReason).toBe('ValidationError: bad input');
  });

  it('a retryable failure is retried by BullMQ as fresh events linked into one chain', async () => {
    const { event, job, state } = await runJob(['retryable', 'retryable', 'ok']);
    expect(state).toBe('completed');
    const attempts = recordedRuns(job);
    expect(attempts.map((run) => run.event.execution.status)).toEqual([
      'failed',
      'failed',
      'completed',
    ]);
    expect(job.data.attempts).toHaveLength(2);
    expect(attempts.map((run) => run.event.metadata.attempt)).toEqual([1, 2, 3]);
    expect(attempts[0]?.event.id).toBe(event.id);
    expect(attempts[1]?.event.metadata.original).toEqual({
      id: attempts[0]?.event.id,
      created_at: attempts[0]?.event.created_at,
    });
    expect(attempts[2]?.event.metadata.original).toMatchObject({ id: attempts[1]?.event.id });
    expect(new Set(attempts.map((run) => run.event.id)).size).toBe(3);
    expect(attempts[2]?.event.metadata.order).toBe(7);
  });

  it('keeps the whole error tree of an aggregate failure, in the data and the log', async () => {
    const { job, state } = await runJob(['aggregate']);
    expect(state).toBe('failed');
    const error = job.data.attempts[0]?.event.execution.error;
    expect(error).toMatchObject({
      error: 'AggregateError',
      message: 'two shards failed',
      exceptions: [
        { error: 'ConnectionError', retryable: true },
        { error: 'ValidationError', retryable: false },
      ],
    });
    expect(job.attemptsMade).toBe(1);
    const { logs } = await queue.getJobLogs(String(job.id));
    expect(JSON.parse(logs[0] ?? '{}')).toMatchObject({ attempt: 1, error });
  });

  it('a timeout cancels the run and BullMQ retries it, until the attempts run out', async () => {
    const { job, state } = await runJob(['slow'], 0.05, 2);
    expect(state).toBe('failed');
    expect(job.data.attempts.map((run) => run.event.execution.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(job.data.attempts[1]?.event.execution.error).toMatchObject({
      error: 'TimeoutError',
      message: 'Operation timed out after 0.05s',
    });
  });

  it('worker.cancelJob cancels the running event and the job is not retried', async () => {
    const event = new ScriptedEvent({ plan: ['slow'] });
    const job = await enqueueEvent(queue, event, { registry, jobOptions: { attempts: 3 } });
    await expect.poll(() => job.getState(), { timeout: 5_000 }).toBe('active');
    await expect
      .poll(() => worker.cancelJob(String(job.id), 'stop it'), { timeout: 5_000 })
      .toBe(true);
    await expect.poll(() => job.getState(), { timeout: 5_000 }).toBe('failed');
    const done = (await queue.getJob(String(job.id))) as Job<EventJobData>;
    expect(done.attemptsMade).toBe(1);
    expect(done.data.attempts[0]?.event.execution.status).toBe('cancelled');
    expect(done.data.attempts[0]?.transitions.at(-1)?.reason).toBe('stop it');
  });

  it('with cancellable: false, BullMQ makes no signal and the job runs on', async () => {
    const connection = { host: '127.0.0.1', port: redis.port };
    const name = 'processor-test-uncancellable';
    const plainQueue = new Queue<EventJobData>(name, { connection });
    const plainWorker = new Worker(name, createEventProcessor({ registry, cancellable: false }), {
      connection,
    });
    try {
      const event = new ScriptedEvent({ plan: ['ok'], workMs: 300 });
      const job = await enqueueEvent(plainQueue, event, { registry });
      await expect.poll(() => job.getState(), { timeout: 5_000 }).toBe('active');
      expect(plainWorker.cancelJob(String(job.id), 'stop it')).toBe(false);
      await expect.poll(() => job.getState(), { timeout: 5_000 }).toBe('completed');
    } finally {
      await plainWorker.close();
      await plainQueue.close();
    }
  });

  it('a job naming an unknown class fails at once, saying which classes are known', async () => {
    const job = await queue.add('Nope', {
      kind: 'Nope',
      init: {},
      event: new ScriptedEvent().toDict(),
      attempts: [],
    });
    await job.waitUntilFinished(events, 5_000).catch(() => undefined);
    const done = await queue.getJob(String(job.id));
    expect(done?.failedReason).toBe("no event class registered as 'Nope' (known: ScriptedEvent)");
    expect(done?.attemptsMade).toBe(1);
  });
});
