/**
 * The BullMQ adapter against bare BullMQ on one real redis-server: the same jobs, the same
 * work, the same worker concurrency, in alternating rounds; medians of each. A report, not a
 * test: it always exits 0.
 *
 *   npm run bench:queue [-- --jobs 1000 --rounds 9 --concurrency 10 --work-ms 2]
 */
import { parseArgs } from 'node:util';
import { Queue, Worker, type Processor } from 'bullmq';
import { Redis } from 'ioredis';
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
    jobs: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '9' },
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
  /**
   * CPU milliseconds per job while the worker ran, in this process and in redis-server: what
   * the jobs cost, whatever else the machine was doing meanwhile.
   */
  runNodeCpuMs: number;
  runRedisCpuMs: number;
}

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
    rejectAll(new Error(`job ${String(job?.id)} of ${contender.name} failed: ${error.message}`));
  });
  await worker.waitUntilReady();
  // The garbage of enqueueing (more of it for the adapter) is collected before the clock
  // starts, so the run is charged for its own garbage only.
  collectGarbage?.();
  const cpuStart = await cpuMsSoFar(stats);
  const runStart = performance.now();
  const running = worker.run();
  await allDone;
  const runMs = (performance.now() - runStart) / JOBS;
  const cpuEnd = await cpuMsSoFar(stats);
  const runNodeCpuMs = (cpuEnd.node - cpuStart.node) / JOBS;
  const runRedisCpuMs = (cpuEnd.redis - cpuStart.redis) / JOBS;
  await worker.close();
  await running;
  await queue.obliterate({ force: true });
  await queue.close();
  return { enqueueMs, runMs, runNodeCpuMs, runRedisCpuMs } satisfies Trial;
}

const redis = await startRedis();
const connection = { host: '127.0.0.1', port: redis.port };
const stats = new Redis(redis.port, '127.0.0.1');
/** One trial of each contender per round, run back to back. */
const rounds: { ours: Trial; theirs: Trial }[] = [];
try {
  // A warm-up round for the JIT and Redis' scripts, not counted.
  await trial(bare, connection);
  await trial(adapter, connection);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate who goes first, so neither always runs on a warmer or quieter machine.
    if (round % 2 === 0) {
      const ours = await trial(adapter, connection);
      rounds.push({ ours, theirs: await trial(bare, connection) });
    } else {
      const theirs = await trial(bare, connection);
      rounds.push({ ours: await trial(adapter, connection), theirs });
    }
  }
} finally {
  stats.disconnect();
  await redis.stop();
}

type Measure = (trial: Trial) => number;
const measures: [string, Measure][] = [
  ['enqueue', (t) => t.enqueueMs],
  ['run (worker)', (t) => t.runMs],
  ['enqueue + run', (t) => t.enqueueMs + t.runMs],
  ['run, CPU in Node', (t) => t.runNodeCpuMs],
  ['run, CPU in Redis', (t) => t.runRedisCpuMs],
  ['run, CPU in both', (t) => t.runNodeCpuMs + t.runRedisCpuMs],
];
/**
 * The overhead is the median of each round's own ratio: the two trials of a round ran minutes
 * apart at most, so a neighbour's load that comes and goes weighs on both alike.
 */
const overheadOf = (measure: Measure): number =>
  median(rounds.map(({ ours, theirs }) => measure(ours) / measure(theirs) - 1));
const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;
const micros = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;

console.log(
  `${String(JOBS)} jobs per trial, worker concurrency ${String(CONCURRENCY)}, ` +
    `${String(WORK_MS)} ms of work per job, ${String(ROUNDS)} alternating rounds; ` +
    `medians per job, overhead = median of the rounds' ratios\n`,
);
console.log(
  formatTable(
    ['per job', 'bare BullMQ', 'adapter', 'overhead'],
    measures.map(([name, measure]) => [
      name,
      micros(median(rounds.map(({ theirs }) => measure(theirs)))),
      micros(median(rounds.map(({ ours }) => measure(ours)))),
      percent(overheadOf(measure)),
    ]),
  ),
);
const runThroughput = (pick: (round: { ours: Trial; theirs: Trial }) => Trial): string =>
  (1000 / median(rounds.map((round) => pick(round).runMs))).toFixed(0);
console.log(
  `\nrun throughput: bare BullMQ ${runThroughput((r) => r.theirs)} jobs/s, ` +
    `adapter ${runThroughput((r) => r.ours)} jobs/s`,
);
const runOverhead = overheadOf((t) => t.runMs);
const cpuOverhead = overheadOf((t) => t.runNodeCpuMs + t.runRedisCpuMs);
const roundByRound = (measure: Measure): string =>
  rounds.map(({ ours, theirs }) => percent(measure(ours) / measure(theirs) - 1)).join(', ');
console.log(`run overhead round by round: ${roundByRound((t) => t.runMs)}`);
console.log(
  `CPU overhead round by round: ${roundByRound((t) => t.runNodeCpuMs + t.runRedisCpuMs)}`,
);
console.log('\nGoals');
console.log(
  formatTable(
    ['goal', 'measured', 'verdict'],
    [
      [
        "adapter's overhead per job ≤ 10 %: run time",
        percent(runOverhead),
        verdict(runOverhead <= GOAL_OVERHEAD),
      ],
      [
        "adapter's overhead per job ≤ 10 %: CPU",
        percent(cpuOverhead),
        verdict(cpuOverhead <= GOAL_OVERHEAD),
      ],
    ],
  ),
);
