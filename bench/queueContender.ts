/**
 * One contender of `npm run bench:queue`, in a worker process of its own, as a BullMQ worker
 * runs in production: one processor per process, so neither contender's code shapes how the
 * other's is compiled. Runs a trial when the parent asks (`{ trial: true }` over IPC) and
 * answers with its figures; exits when the parent disconnects.
 *
 *   node queueContender.mjs <contender> <redis port> <jobs> <concurrency> <work ms>
 *
 * With `QUEUE_BENCH_PROFILE=<folder>`, each trial's run is also sampled by V8's profiler and
 * written to `<folder>/<contender>-<trial>.cpuprofile` (open it in Chrome's DevTools).
 */
import { Queue, Worker, type Processor } from 'bullmq';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Event, type EventInit } from '../src/lib/index.ts';
import {
  createEventProcessor,
  createEventRegistry,
  enqueueEvent,
  type EventJobData,
} from '../src/lib/bullmq/index.ts';
import type { ContenderName, Trial } from './queueTrial.ts';

const [contenderName = '', redisPort, jobs, concurrency, workMs] = process.argv.slice(2);
const JOBS = Number(jobs);
const CONCURRENCY = Number(concurrency);
const WORK_MS = Number(workMs);
const connection = { host: '127.0.0.1', port: Number(redisPort) };

/** The work both contenders run per job: wait `ms` (an I/O call's stand-in), return a value. */
async function work(ms: number, n: number): Promise<{ n: number; doubled: number }> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { n, doubled: n * 2 };
}

interface BenchInit extends EventInit {
  n?: number;
  ms?: number;
}

/** {@link work} as an event. */
class BenchEvent extends Event<{ n: number; doubled: number }> {
  readonly n: number;
  readonly ms: number;

  constructor(init: BenchInit = {}) {
    super(init);
    this.n = init.n ?? 0;
    this.ms = init.ms ?? 0;
  }

  protected _invoke(): Promise<{ n: number; doubled: number }> {
    return work(this.ms, this.n);
  }
}

const registry = createEventRegistry({ BenchEvent });

interface Contender {
  enqueue: (queue: Queue, n: number) => Promise<unknown>;
  processor: Processor;
}

const enqueueBare = (queue: Queue, n: number): Promise<unknown> =>
  queue.add('BenchEvent', { n, ms: WORK_MS });
const enqueueAdapter = (queue: Queue, n: number): Promise<unknown> =>
  enqueueEvent(queue as Queue<EventJobData>, new BenchEvent({ n, ms: WORK_MS }), { registry });

/**
 * BullMQ makes an `AbortController` per job for a processor that takes its signal (three
 * parameters), which `worker.cancelJob` needs: the adapter takes it by default, and is
 * compared with a bare processor that takes and listens to it too; with `cancellable: false`
 * it takes none, and is compared with one that takes none.
 */
const contenders: Record<ContenderName, Contender> = {
  'bare, listening': {
    enqueue: enqueueBare,
    processor: async (
      job: { data: { n: number; ms: number } },
      _token?: string,
      signal?: AbortSignal,
    ) => {
      const onAbort = (): void => undefined;
      signal?.addEventListener('abort', onAbort);
      try {
        return await work(job.data.ms, job.data.n);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  },
  adapter: { enqueue: enqueueAdapter, processor: createEventProcessor({ registry }) as Processor },
  bare: {
    enqueue: enqueueBare,
    processor: (job: { data: { n: number; ms: number } }) => work(job.data.ms, job.data.n),
  },
  'adapter, not cancellable': {
    enqueue: enqueueAdapter,
    processor: createEventProcessor({ registry, cancellable: false }) as Processor,
  },
};

/** CPU milliseconds used so far by this process and by the redis-server `stats` talks to. */
async function cpuMsSoFar(stats: Redis): Promise<{ node: number; redis: number }> {
  const own = process.cpuUsage();
  const info = await stats.info('cpu');
  const seconds = (field: string): number =>
    Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return {
    node: (own.user + own.system) / 1000,
    redis: (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1000,
  };
}

/** `global.gc` when Node runs with `--expose-gc` (as `npm run bench:queue` does). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

let trialCount = 0;

const profileFolder = process.env.QUEUE_BENCH_PROFILE;
const profiler = profileFolder === undefined ? undefined : new Session();
profiler?.connect();
await profiler?.post('Profiler.enable');
await profiler?.post('Profiler.setSamplingInterval', { interval: 100 });

async function trial(contender: Contender, stats: Redis): Promise<Trial> {
  trialCount += 1;
  const name = `bench-${String(process.pid)}-${String(trialCount)}`;
  const queue = new Queue(name, { connection });
  const enqueueStart = performance.now();
  for (let n = 0; n < JOBS; n++) await contender.enqueue(queue, n);
  const enqueueMs = (performance.now() - enqueueStart) / JOBS;

  let completed = 0;
  let resolveAll: () => void = () => undefined;
  let rejectAll: (error: Error) => void = () => undefined;
  const allDone = new Promise<void>((resolve, reject) => {
    resolveAll = resolve;
    rejectAll = reject;
  });
  // The worker connects and loads BullMQ's scripts before the clock starts: a cost both
  // contenders pay alike, once, which would only dilute the difference per job.
  const worker = new Worker(name, contender.processor, {
    connection,
    concurrency: CONCURRENCY,
    autorun: false,
  });
  worker.on('completed', () => {
    completed += 1;
    if (completed === JOBS) resolveAll();
  });
  worker.on('failed', (job, error) => {
    rejectAll(new Error(`job ${String(job?.id)} of ${contenderName} failed: ${error.message}`));
  });
  await worker.waitUntilReady();
  // The garbage of enqueueing (more of it for the adapter) is collected before the clock
  // starts, so the run is charged for its own garbage only.
  collectGarbage?.();
  await profiler?.post('Profiler.start');
  const cpuStart = await cpuMsSoFar(stats);
  const runStart = performance.now();
  const running = worker.run();
  await allDone;
  const runMs = (performance.now() - runStart) / JOBS;
  const cpuEnd = await cpuMsSoFar(stats);
  // Stopped and written after the clock: the profile's own cost is not the jobs'.
  const sampled = await profiler?.post('Profiler.stop');
  if (sampled !== undefined && profileFolder !== undefined) {
    const file = `${contenderName.replace(/\W+/g, '-')}-${String(trialCount)}.cpuprofile`;
    writeFileSync(join(profileFolder, file), JSON.stringify(sampled.profile));
  }
  const runNodeCpuMs = (cpuEnd.node - cpuStart.node) / JOBS;
  const runRedisCpuMs = (cpuEnd.redis - cpuStart.redis) / JOBS;
  await worker.close();
  await running;
  await queue.obliterate({ force: true });
  await queue.close();
  return { enqueueMs, runMs, runNodeCpuMs, runRedisCpuMs } satisfies Trial;
}

const contender = (contenders as Partial<Record<string, Contender>>)[contenderName];
if (contender === undefined) throw new Error(`unknown contender '${contenderName}'`);
const stats = new Redis(connection.port, connection.host);
process.on('message', () => {
  trial(contender, stats).then(
    (result) => process.send?.({ result }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
process.on('disconnect', () => {
  stats.disconnect();
});
process.send?.({ ready: true });
