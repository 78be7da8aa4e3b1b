import { spawn, type ChildProcess } from 'node:child_process';
import { Queue, type Job } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordedRuns, type EventJobData } from '../../src/lib/bullmq';
import { bundleScript } from './bundleScript';
import { startRedis, type TestRedis } from './redisServer';

// The README's example as it is written: examples/bullmq/ run as scripts, on a real Redis.
const QUEUE = 'readme-example';
let redis: TestRedis;
let queue: Queue<EventJobData>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: redis.port } });
}, 20_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await queue.close();
  await redis.stop();
});

function run(bundle: string, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [bundle, ...args], {
    env: { ...process.env, REDIS_URL: redis.url, QUEUE },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

it('the example’s producer and two workers take each kind of job to its end', async () => {
  const [worker, producer] = await Promise.all([
    bundleScript('examples/bullmq/worker.ts'),
    bundleScript('examples/bullmq/producer.ts'),
  ]);
  run(worker);
  run(worker);
  const produced = run(producer, ['4']);
  const code = await new Promise((resolve) => produced.once('exit', resolve));
  expect(code).toBe(0);

  await expect
    .poll(
      async () => {
        const counts = await queue.getJobCounts('completed', 'failed');
        return (counts.completed ?? 0) + (counts.failed ?? 0);
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(4);
  const jobs = (await queue.getJobs(['completed', 'failed'])) as Job<EventJobData>[];
  const runsOf = (kind: string, index: number) => {
    const ofKind = jobs.filter((job) => job.data.kind === kind);
    ofKind.sort((a, b) => Number(a.id) - Number(b.id));
    const job = ofKind[index];
    return job && recordedRuns(job).map((attempt) => attempt.event.execution.status);
  };
  expect(runsOf('SimpleEvent', 0)).toEqual(['completed']);
  // FlakyEvent: the first fails 60 % of the time, the second always, as not retryable.
  expect(runsOf('FlakyEvent', 0)?.at(-1)).toMatch(/^(completed|failed)$/);
  expect(runsOf('FlakyEvent', 1)).toEqual(['failed']);
  expect(runsOf('SlowEvent', 0)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
}, 60_000);
