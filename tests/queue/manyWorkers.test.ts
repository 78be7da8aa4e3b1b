import { spawn, type ChildProcess } from 'node:child_process';
import { Queue, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEventRegistry,
  enqueueEvent,
  recordedRuns,
  type EventJobData,
} from '../../src/lib/bullmq';
import { bundleScript } from './bundleScript';
import { startRedis, type TestRedis } from './redisServer';
import { ScriptedEvent, type ScriptedOutcome } from './scriptedEvent';

// Three worker processes on one real redis-server; nothing mocked.
const QUEUE = 'many-workers';
const registry = createEventRegistry({ ScriptedEvent });

interface WorkerProcess {
  child: ChildProcess;
  /** `start <job id> <attempt>` lines it printed. */
  starts: string[];
}

let redis: TestRedis;
let queue: Queue<EventJobData>;
let script: string;
const workers: WorkerProcess[] = [];

async function startWorker(): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, REDIS_PORT: String(redis.port), QUEUE },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const worker: WorkerProcess = { child, starts: [] };
  workers.push(worker);
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') resolve();
        else worker.starts.push(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${String(code)}`)));
  });
  return worker;
}

beforeAll(async () => {
  [redis, script] = await Promise.all([startRedis(), bundleScript('tests/queue/workerProcess.ts')]);
  queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: redis.port } });
  queue.on('error', () => undefined);
  await Promise.all([startWorker(), startWorker(), startWorker()]);
}, 60_000);

afterAll(async () => {
  for (const { child } of workers) child.kill('SIGKILL');
  await queue.close();
  await redis.stop();
});

async function enqueue(plan: ScriptedOutcome[], timeout: number | null, workMs = 0) {
  return enqueueEvent(queue, new ScriptedEvent({ plan, timeout, workMs }), {
    registry,
    jobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 20 } },
  });
}

/** The jobs, once the queue holds `total` finished jobs (completed or failed). */
async function finished(
  ids: readonly string[],
  total: number,
  timeout: number,
): Promise<Job<EventJobData>[]> {
  await expect
    .poll(
      async () => {
        const counts = await queue.getJobCounts('completed', 'failed');
        return (counts.completed ?? 0) + (counts.failed ?? 0);
      },
      { timeout, interval: 200 },
    )
    .toBe(total);
  return Promise.all(ids.map(async (id) => (await queue.getJob(id)) as Job<EventJobData>));
}

/** Every attempt after the first was made from the one before it. */
function expectLinkedChain(job: Job<EventJobData>): void {
  const attempts = recordedRuns(job);
  attempts.forEach((run, index) => {
    expect(run.attempt).toBe(index + 1);
    expect(run.event.metadata.attempt).toBe(index + 1);
    expect(run.event.metadata.job).toMatchObject({ queue: QUEUE, id: String(job.id) });
    const previous = attempts[index - 1];
    if (previous !== undefined) {
      expect(run.event.metadata.original).toEqual({
        id: previous.event.id,
        created_at: previous.event.created_at,
      });
    }
  });
}

describe('three worker processes on one Redis', () => {
  it('run 1,000 jobs of mixed outcomes, each with its whole attempt chain, none lost or doubled', async () => {
    const kinds = [
      { plan: ['ok'], timeout: null, statuses: ['completed'], state: 'completed' },
      { plan: ['fatal', 'ok'], timeout: null, statuses: ['failed'], state: 'failed' },
      {
        plan: ['retryable', 'ok'],
        timeout: null,
        statuses: ['failed', 'completed'],
        state: 'completed',
      },
      {
        plan: ['slow'],
        timeout: 0.05,
        statuses: ['cancelled', 'cancelled', 'cancelled'],
        state: 'failed',
      },
    ] as const;
    const jobs = await queue.addBulk(
      Array.from({ length: 1_000 }, (_, index) => {
        const kind = kinds[index % kinds.length] ?? kinds[0];
        const event = new ScriptedEvent({ plan: [...kind.plan], timeout: kind.timeout });
        const data: EventJobData = {
          kind: 'ScriptedEvent',
          init: { plan: [...kind.plan], timeout: kind.timeout },
          event: event.toDict(),
          attempts: [],
        };
        return {
          name: 'ScriptedEvent',
          data,
          opts: {
            jobId: `mixed-${String(index)}`,
            attempts: 3,
            backoff: { type: 'fixed', delay: 20 },
          },
        };
      }),
    );
    const done = await finished(
      jobs.map((job) => String(job.id)),
      1_000,
      45_000,
    );
    const eventIds = new Set<string>();
    for (const [index, job] of done.entries()) {
      const kind = kinds[index % kinds.length] ?? kinds[0];
      expect(await job.getState()).toBe(kind.state);
      const runs = recordedRuns(job);
      expect(runs.map((run) => run.event.execution.status)).toEqual(kind.statuses);
      expect(job.attemptsMade).toBe(kind.statuses.length);
      expect(runs[0]?.event.id).toBe(job.data.event.id);
      expectLinkedChain(job);
      for (const run of runs) eventIds.add(run.event.id);
    }
    expect(eventIds.size).toBe(250 * (1 + 1 + 2 + 3));
    const starts = workers.flatMap((worker) => worker.starts);
    expect(starts).toHaveLength(eventIds.size);
    expect(new Set(starts).size).toBe(starts.length);
  }, 60_000);

  it('a job whose worker is killed mid-run stalls and is finished by another, as a further attempt', async () => {
    const job = await enqueue(['ok'], null, 1_500);
    const id = String(job.id);
    let owner: WorkerProcess | undefined;
    await expect
      .poll(() => (owner = workers.find((worker) => worker.starts.includes(`start ${id} 1`))), {
        timeout: 10_000,
      })
      .toBeDefined();
    await expect
      .poll(async () => (await queue.getJob(id))?.data.attempts.length, { timeout: 5_000 })
      .toBe(1);
    owner?.child.kill('SIGKILL');
    await expect.poll(() => job.getState(), { timeout: 20_000 }).toBe('completed');
    const final = (await queue.getJob(id)) as Job<EventJobData>;
    const runs = recordedRuns(final);
    expect(runs.map((run) => run.event.execution.status)).toEqual(['failed', 'completed']);
    expect(runs[0]?.event.execution.error?.error).toBe('StalledError');
    // The stalled run's record is in the job's data, the completed run's in its return value.
    expect(final.data.attempts[0]?.event.execution.status).toBe('failed');
    expect(final.returnvalue).toMatchObject({ run: { attempt: 2 } });
    expectLinkedChain(final);
    const second = workers.find((worker) => worker.starts.includes(`start ${id} 2`));
    expect(second).toBeDefined();
    expect(second).not.toBe(owner);
  }, 40_000);

  it('a Redis restart mid-run loses no job: the workers reconnect and finish every one', async () => {
    const counts = await queue.getJobCounts('completed', 'failed');
    const before = counts.completed ?? 0;
    const finishedBefore = before + (counts.failed ?? 0);
    const jobs = await Promise.all(
      Array.from({ length: 200 }, () => enqueue(['retryable', 'ok'], null, 10)),
    );
    await expect
      .poll(async () => (await queue.getJobCounts('completed')).completed ?? 0, {
        timeout: 10_000,
      })
      .toBeGreaterThan(before + 10);
    await redis.restart(500);
    const done = await finished(
      jobs.map((job) => String(job.id)),
      finishedBefore + jobs.length,
      30_000,
    );
    for (const job of done) {
      expect(await job.getState()).toBe('completed');
      const statuses = recordedRuns(job).map((run) => run.event.execution.status);
      expect(statuses.at(-1)).toBe('completed');
      // A run cut off by the restart ends as a stalled, failed attempt before the next.
      expect(statuses.slice(0, -1).every((status) => status === 'failed')).toBe(true);
      expectLinkedChain(job);
    }
  }, 60_000);
});
