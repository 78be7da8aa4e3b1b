/**
 * The BullMQ adapter against bare BullMQ on one real redis-server: the same jobs, the same
 * work, the same worker concurrency, in alternating rounds; medians of each. Each contender
 * runs in a worker process of its own (`bench/queueContender.ts`), as workers do in
 * production, and only one runs at a time. A report, not a test: it always exits 0.
 *
 *   npm run bench:queue [-- --jobs 1000 --rounds 9 --concurrency 10 --work-ms 2]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { bundleForNode } from '../scripts/bundleForNode.js';
import { startRedis } from '../tests/queue/redisServer.js';
import type { ContenderName, Trial } from './queueTrial.ts';
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

/**
 * Two pairs doing the same work. BullMQ makes an `AbortController` per job for a processor
 * that takes its signal, which `worker.cancelJob` needs: the adapter takes it by default and
 * is compared with a bare processor that listens to it too; with `cancellable: false` it
 * takes none, and is compared with a bare processor that takes none.
 */
const pairs: { name: string; bare: ContenderName; adapter: ContenderName }[] = [
  { name: 'cancellable', bare: 'bare, listening', adapter: 'adapter' },
  { name: 'not cancellable', bare: 'bare', adapter: 'adapter, not cancellable' },
];

interface ContenderProcess {
  trial: () => Promise<Trial>;
  stop: () => void;
}

/** Starts a contender's worker process and waits until it is connected. */
function startContender(
  bundle: string,
  name: ContenderName,
  redisPort: number,
): Promise<ContenderProcess> {
  const child: ChildProcess = fork(
    bundle,
    [name, String(redisPort), String(JOBS), String(CONCURRENCY), String(WORK_MS)],
    { execArgv: ['--expose-gc', '--enable-source-maps'] },
  );
  let exited: ((error: Error) => void) | undefined;
  child.once('exit', (code) => {
    exited?.(new Error(`contender '${name}' exited with code ${String(code)}`));
  });
  const next = (): Promise<{ ready?: true; result?: Trial; error?: string }> =>
    new Promise((resolve, reject) => {
      exited = reject;
      child.once('message', resolve);
    });
  const trial = async (): Promise<Trial> => {
    const answer = next();
    child.send({ trial: true });
    const { result, error } = await answer;
    if (result === undefined) throw new Error(`contender '${name}': ${error ?? 'no result'}`);
    return result;
  };
  return next().then(() => ({ trial, stop: () => child.disconnect() }));
}

const bundle = await bundleForNode('bench/queueContender.ts', 'queue-bench');
const redis = await startRedis();
const processes = new Map<ContenderName, ContenderProcess>();
/** Each pair's trials, one of each contender per round, run back to back. */
const rounds: { ours: Trial; theirs: Trial }[][] = pairs.map(() => []);
try {
  for (const pair of pairs) {
    for (const name of [pair.bare, pair.adapter]) {
      const contender = await startContender(bundle, name, redis.port);
      processes.set(name, contender);
      // A warm-up trial for the JIT and Redis' scripts, not counted.
      await contender.trial();
    }
  }
  const trialOf = (name: ContenderName): Promise<Trial> => {
    const contender = processes.get(name);
    if (contender === undefined) throw new Error(`no process for '${name}'`);
    return contender.trial();
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, pair] of pairs.entries()) {
      // Alternate who goes first, so neither always runs on a warmer or quieter machine.
      if (round % 2 === 0) {
        const ours = await trialOf(pair.adapter);
        rounds[index]?.push({ ours, theirs: await trialOf(pair.bare) });
      } else {
        const theirs = await trialOf(pair.bare);
        rounds[index]?.push({ ours: await trialOf(pair.adapter), theirs });
      }
    }
  }
} finally {
  for (const contender of processes.values()) contender.stop();
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
const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;
const micros = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;
const runTime: Measure = (t) => t.runMs;
const runCpu: Measure = (t) => t.runNodeCpuMs + t.runRedisCpuMs;

console.log(
  `${String(JOBS)} jobs per trial, worker concurrency ${String(CONCURRENCY)}, ` +
    `${String(WORK_MS)} ms of work per job, ${String(ROUNDS)} alternating rounds; ` +
    `medians per job, overhead = median of the rounds' ratios`,
);
const goals: string[][] = [];
for (const [index, pair] of pairs.entries()) {
  const trials = rounds[index] ?? [];
  /**
   * The overhead is the median of each round's own ratio: the two trials of a round ran
   * seconds apart, so a neighbour's load that comes and goes weighs on both alike.
   */
  const overheadOf = (measure: Measure): number =>
    median(trials.map(({ ours, theirs }) => measure(ours) / measure(theirs) - 1));
  const roundByRound = (measure: Measure): string =>
    trials.map(({ ours, theirs }) => percent(measure(ours) / measure(theirs) - 1)).join(', ');
  const throughput = (pick: (pair: { ours: Trial; theirs: Trial }) => Trial): string =>
    (1000 / median(trials.map((t) => pick(t).runMs))).toFixed(0);
  console.log(`\n${pair.name}: ${pair.adapter} against ${pair.bare}\n`);
  console.log(
    formatTable(
      ['per job', 'bare BullMQ', 'adapter', 'overhead'],
      measures.map(([name, measure]) => [
        name,
        micros(median(trials.map(({ theirs }) => measure(theirs)))),
        micros(median(trials.map(({ ours }) => measure(ours)))),
        percent(overheadOf(measure)),
      ]),
    ),
  );
  console.log(
    `\nrun throughput: bare BullMQ ${throughput((t) => t.theirs)} jobs/s, ` +
      `adapter ${throughput((t) => t.ours)} jobs/s`,
  );
  console.log(`run overhead round by round: ${roundByRound(runTime)}`);
  console.log(`CPU overhead round by round: ${roundByRound(runCpu)}`);
  for (const [what, measure] of [
    ['run time', runTime],
    ['CPU', runCpu],
  ] as const) {
    const overhead = overheadOf(measure);
    goals.push([
      `${pair.name}: overhead per job ≤ 10 %, ${what}`,
      percent(overhead),
      verdict(overhead <= GOAL_OVERHEAD),
    ]);
  }
}
console.log('\nGoals');
console.log(formatTable(['goal', 'measured', 'verdict'], goals));
