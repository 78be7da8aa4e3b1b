/**
 * The BullMQ adapter against bare BullMQ on one real redis-server: the same jobs, the same
 * work, the same worker concurrency, in alternating rounds; medians of each. A report, not a
 * test: it always exits 0.
 *
 *   npm run bench:queue [-- --jobs 2000 --rounds 5 --concurrency 10 --work-ms 2]
 */
import { parseArgs } from 'node:util';
import { Queue, Worker, type Processor } from 'bullmq';
import { Event, type EventInit } from '../src/lib/index.ts';
import {
  createEventProcessor,
  createEventRegistry,
  enqueueEvent,
  type EventJobData,
} from '../src/lib/bullmq/index.ts';
import { startRedis } from '../tests/queue/redisServer.js';
import { formatTable, median, verdict } from './report.ts';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '10' },
    'work-ms': { type: 'string', default: '2' },
  },
});
const JOBS = Number(values.jobs);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
const WORK_MS = Number(values['work-ms']);
const GOAL_OVERHEAD = 0.1;

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
  name: string;
  enqueue: (queue: Queue, n: number) => Promise<unknown>;
  processor: Processor;
}

const adapter: Contender = {
  name: 'adapter (enqueueEvent + createEventProcessor)',
  enqueue: (queue, n) =>
    enqueueEvent(queue as Queue<EventJobData>, new BenchEvent({ n, ms: WORK_MS }), { registry }),
  processor: createEventProcessor({ registry }) as Processor,
};

const bare: Contender = {
  name: 'bare BullMQ (queue.add + processor)',
  enqueue: (queue, n) => queue.add('BenchEvent', { n, ms: WORK_MS }),
  processor: (job: { data: { n: number; ms: number } }) => work(job.data.ms, job.data.n),
};

interface Trial {
  /** Milliseconds per job to enqueue (one `add` at a time, as a producer does). */
  enqueueMs: number;
  /** Milliseconds per job from the worker's start to the last job completed. */
  runMs: number;
}

let trialCount = 0;

async function trial(contender: Contender, connection: { host: string; port: number }) {
  trialCount += 1;
  const name = `bench-${String(trialCount)}`;
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
  const runStart = performance.now();
  const worker = new Worker(name, contender.processor, { connection, concurrency: CONCURRENCY });
  worker.on('completed', () => {
    completed += 1;
    if (completed === JOBS) resolveAll();
  });
  worker.on('failed', (job, error) => {
    rejectAll(new Error(`job ${String(job?.id)} of ${contender.name} failed: ${error.message}`));
  });
  await allDone;
  const runMs = (performance.now() - runStart) / JOBS;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { enqueueMs, runMs } satisfies Trial;
}

const redis = await startRedis();
const connection = { host: '127.0.0.1', port: redis.port };
const results = new Map<Contender, Trial[]>([
  [adapter, []],
  [bare, []],
]);
try {
  // A warm-up round for the JIT and Redis' scripts, not counted.
  await trial(bare, connection);
  await trial(adapter, connection);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate who goes first, so neither always runs on a warmer or quieter machine.
    const order = round % 2 === 0 ? [adapter, bare] : [bare, adapter];
    for (const contender of order) results.get(contender)?.push(await trial(contender, connection));
  }
} finally {
  await redis.stop();
}

const medians = (contender: Contender) => {
  const trials = results.get(contender) ?? [];
  const enqueueMs = median(trials.map((t) => t.enqueueMs));
  const runMs = median(trials.map((t) => t.runMs));
  return { enqueueMs, runMs, totalMs: enqueueMs + runMs };
};
const ours = medians(adapter);
const theirs = medians(bare);
const overhead = (a: number, b: number): string => `${((a / b - 1) * 100).toFixed(1)} %`;
const ms = (value: number): string => `${(value * 1000).toFixed(0)} µs`;
const perSecond = (msPerJob: number): string => (1000 / msPerJob).toFixed(0);

console.log(
  `${String(JOBS)} jobs per trial, worker concurrency ${String(CONCURRENCY)}, ` +
    `${String(WORK_MS)} ms of work per job, ${String(ROUNDS)} alternating rounds, medians; ` +
    `redis-server ${String(redis.port)}\n`,
);
console.log(
  formatTable(
    ['per job', 'bare BullMQ', 'adapter', 'overhead'],
    [
      [
        'enqueue',
        ms(theirs.enqueueMs),
        ms(ours.enqueueMs),
        overhead(ours.enqueueMs, theirs.enqueueMs),
      ],
      ['run (worker)', ms(theirs.runMs), ms(ours.runMs), overhead(ours.runMs, theirs.runMs)],
      [
        'enqueue + run',
        ms(theirs.totalMs),
        ms(ours.totalMs),
        overhead(ours.totalMs, theirs.totalMs),
      ],
      ['run throughput (jobs/s)', perSecond(theirs.runMs), perSecond(ours.runMs), ''],
    ],
  ),
);
const runOverhead = ours.runMs / theirs.runMs - 1;
console.log('\nGoals');
console.log(
  formatTable(
    ['goal', 'measured', 'verdict'],
    [
      [
        "adapter's run overhead per job ≤ 10 %",
        overhead(ours.runMs, theirs.runMs),
        verdict(runOverhead <= GOAL_OVERHEAD),
      ],
    ],
  ),
);
