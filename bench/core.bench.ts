/**
 * The event core against its floor and its peers, in one Node process: medians of
 * interleaved rounds, nanoseconds per operation, then the retained heap per completed event.
 * A report, not a test: it always exits 0.
 *
 *   npm run bench
 */
import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { handleAll, retry } from 'cockatiel';
import { Effect } from 'effect';
import pRetry from 'p-retry';
import { Event } from '../src/lib/index.ts';
import { formatTable, median, verdict } from './report.ts';

/** The work every contender wraps: an async function returning a constant. */
// eslint-disable-next-line @typescript-eslint/require-await -- written as callers write their work
const work = async (): Promise<number> => 42;

/** The smallest event there is: its work is {@link work}. */
class TrivialEvent extends Event<number> {
  protected _invoke(): Promise<number> {
    return work();
  }
}

/**
 * Results are written here so that neither the bundler nor the JIT can drop the work; an
 * export of the entry, so its writes stay observable.
 */
export let sink: unknown;

const noop = (): void => undefined;

/** A case runs `count` operations back to back. */
interface Case {
  name: string;
  /** Operations per round; calibrated so that a round lasts about {@link ROUND_MS}. */
  count: number;
  run: (count: number) => Promise<void>;
}

const CONCURRENT_CALLS = 1_000;

const queryClient = new QueryClient();
const retryPolicy = retry(handleAll, { maxAttempts: 1 });

const cases = {
  awaitFloor: {
    name: 'floor: await fn()',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) sink = await work();
    },
  },
  recordFloor: {
    name: 'floor: record + randomUUID + 2 clock reads + await',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) {
        const startedAt = performance.now();
        const record = {
          id: crypto.randomUUID(),
          startedAt,
          status: 'processing',
          response: undefined as number | undefined,
          duration: 0,
        };
        record.response = await work();
        record.duration = performance.now() - startedAt;
        record.status = 'completed';
        sink = record;
      }
    },
  },
  timerFloor: {
    name: 'floor: … + AbortController + setTimeout/clearTimeout',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) {
        const startedAt = performance.now();
        // Not `controller.signal`: Node creates the signal lazily, and creating it costs
        // several microseconds; the core makes one only when the work asks for it.
        const controller = new AbortController();
        const timer = setTimeout(noop, 10_000);
        const record = {
          id: crypto.randomUUID(),
          startedAt,
          status: 'processing',
          response: undefined as number | undefined,
          duration: 0,
          controller,
        };
        record.response = await work();
        clearTimeout(timer);
        record.duration = performance.now() - startedAt;
        record.status = 'completed';
        sink = record;
      }
    },
  },
  event: {
    name: 'Lifecycle Lab: new Event + invoke()',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) {
        const event = new TrivialEvent();
        sink = await event.invoke();
      }
    },
  },
  eventWithTimeout: {
    name: 'Lifecycle Lab: new Event({ timeout }) + invoke()',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) {
        const event = new TrivialEvent({ timeout: 10 });
        sink = await event.invoke();
      }
    },
  },
  concurrent: {
    name: `Lifecycle Lab: ${String(CONCURRENT_CALLS)} concurrent invoke() on one event`,
    count: 100,
    run: async (count) => {
      const calls = new Array<Promise<number | undefined>>(CONCURRENT_CALLS);
      for (let i = 0; i < count; i++) {
        const event = new TrivialEvent();
        for (let j = 0; j < CONCURRENT_CALLS; j++) calls[j] = event.invoke();
        sink = await Promise.all(calls);
      }
    },
  },
  effect: {
    name: 'effect 3: runPromise(tryPromise(fn))',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) {
        sink = await Effect.runPromise(Effect.tryPromise(work));
      }
    },
  },
  tanstack: {
    name: 'TanStack query-core: new MutationObserver().mutate()',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) {
        sink = await new MutationObserver(queryClient, { mutationFn: work }).mutate();
      }
      // Finished mutations stay cached for gcTime; start every round from an empty cache.
      queryClient.getMutationCache().clear();
    },
  },
  pRetry: {
    name: 'p-retry 7: pRetry(fn, { retries: 1 })',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) sink = await pRetry(work, { retries: 1 });
    },
  },
  cockatiel: {
    name: 'cockatiel 3: retry(handleAll, { maxAttempts: 1 }).execute(fn)',
    count: 100,
    run: async (count) => {
      for (let i = 0; i < count; i++) sink = await retryPolicy.execute(work);
    },
  },
} satisfies Record<string, Case>;

type CaseKey = keyof typeof cases;
const caseKeys = Object.keys(cases) as CaseKey[];

const WARMUP_ROUNDS = 3;
const ROUNDS = 15;
const ROUND_MS = 20;

interface Timing {
  /** CPU time of this process per operation: what the work costs, even on a busy machine. */
  cpu: number;
  /** Wall-clock time per operation: includes whatever else the machine was doing. */
  wall: number;
}

async function timeRound(entry: Case): Promise<Timing> {
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await entry.run(entry.count);
  const cpu = process.cpuUsage(cpuStart);
  const wall = Number(process.hrtime.bigint() - wallStart);
  return { cpu: ((cpu.user + cpu.system) * 1000) / entry.count, wall: wall / entry.count };
}

/** Rounds interleave the cases, so a noisy moment on the machine spreads over all of them. */
async function timeCases(): Promise<Record<CaseKey, Timing>> {
  const samples = new Map<CaseKey, Timing[]>(caseKeys.map((key) => [key, []]));
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    for (const key of caseKeys) {
      const entry: Case = cases[key];
      const timing = await timeRound(entry);
      if (round < WARMUP_ROUNDS) {
        entry.count = Math.max(1, Math.round((ROUND_MS * 1e6) / Math.max(timing.cpu, 1)));
      } else {
        samples.get(key)?.push(timing);
      }
    }
  }
  return Object.fromEntries(
    caseKeys.map((key) => {
      const timings = samples.get(key) ?? [];
      const cpu = median(timings.map((timing) => timing.cpu));
      const wall = median(timings.map((timing) => timing.wall));
      return [key, { cpu, wall }];
    }),
  ) as Record<CaseKey, Timing>;
}

const HEAP_EVENTS = 100_000;
const HEAP_ROUNDS = 3;

const collectGarbage = (globalThis as { gc?: () => void }).gc;

function heapUsedAfterGc(): number {
  collectGarbage?.();
  collectGarbage?.();
  return process.memoryUsage().heapUsed;
}

/** Bytes retained per item while `HEAP_EVENTS` items made by `make` are held in an array. */
async function retainedBytesPerItem(make: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < HEAP_ROUNDS; round++) {
    const held = new Array<unknown>(HEAP_EVENTS).fill(null);
    const before = heapUsedAfterGc();
    for (let i = 0; i < HEAP_EVENTS; i++) held[i] = await make();
    const after = heapUsedAfterGc();
    // Read `held` after the measurement, or it is dead (and collected) before it.
    if (held[HEAP_EVENTS - 1] === null) throw new Error('the items were not kept');
    samples.push((after - before) / HEAP_EVENTS);
  }
  return median(samples);
}

/** The same fields as a completed event, as one plain object. */
async function makePlainRecord(): Promise<unknown> {
  const createdAt = performance.now();
  const record = {
    id: crypto.randomUUID(),
    createdAt: new Date(performance.timeOrigin + createdAt),
    metadata: {},
    status: 'processing',
    duration: null as number | null,
    response: null as number | null,
    error: null,
    retryable: null as boolean | null,
    timeout: null,
  };
  record.response = await work();
  record.duration = (performance.now() - createdAt) / 1000;
  record.status = 'completed';
  record.retryable = false;
  return record;
}

async function makeCompletedEvent(): Promise<unknown> {
  const event = new TrivialEvent();
  await event.invoke();
  return event;
}

function ratio(numerator: number, denominator: number): string {
  return `${(numerator / denominator).toFixed(2)}×`;
}

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, ${String(ROUNDS)} interleaved rounds of ~${String(ROUND_MS)} ms after ${String(WARMUP_ROUNDS)} warm-up; medians.\n` +
      'Goals use CPU time (process.cpuUsage), which a busy machine disturbs far less than wall time.\n',
  );
  const timings = await timeCases();
  const ns = Object.fromEntries(caseKeys.map((key) => [key, timings[key].cpu])) as Record<
    CaseKey,
    number
  >;
  console.log(
    formatTable(
      ['case', 'CPU ns/op', '× await fn()', 'wall ns/op'],
      caseKeys.map((key) => [
        cases[key].name,
        ns[key].toFixed(0),
        ratio(ns[key], ns.awaitFloor),
        timings[key].wall.toFixed(0),
      ]),
    ),
  );
  const perCall = ns.concurrent / CONCURRENT_CALLS;
  console.log(
    `\n${String(CONCURRENT_CALLS)} concurrent invoke(): ${perCall.toFixed(1)} ns per call (one event, one run)`,
  );

  let eventBytes = Number.NaN;
  let plainBytes = Number.NaN;
  if (collectGarbage === undefined) {
    console.log('\nheap: skipped, run with node --expose-gc');
  } else {
    plainBytes = await retainedBytesPerItem(makePlainRecord);
    eventBytes = await retainedBytesPerItem(makeCompletedEvent);
    // Node builds randomUUID() strings by concatenation; the pieces are part of the record.
    const uuidBytes = await retainedBytesPerItem(() => Promise.resolve(crypto.randomUUID()));
    console.log(
      `\nretained heap over ${String(HEAP_EVENTS)} held items: completed event ${eventBytes.toFixed(0)} B, plain object with the same fields ${plainBytes.toFixed(0)} B (of which its crypto.randomUUID() id: ${uuidBytes.toFixed(0)} B)`,
    );
  }

  console.log('\nGoals');
  console.log(
    formatTable(
      ['goal', 'measured', 'target', 'verdict'],
      [
        [
          'create + invoke vs record floor',
          ratio(ns.event, ns.recordFloor),
          '≤ 1.50×',
          verdict(ns.event / ns.recordFloor <= 1.5),
        ],
        [
          'with timeout vs timer floor',
          ratio(ns.eventWithTimeout, ns.timerFloor),
          '≤ 1.50×',
          verdict(ns.eventWithTimeout / ns.timerFloor <= 1.5),
        ],
        [
          'faster than Effect',
          ratio(ns.effect, ns.event),
          '≥ 4.00×',
          verdict(ns.effect / ns.event >= 4),
        ],
        [
          'faster than TanStack mutation',
          ratio(ns.tanstack, ns.event),
          '≥ 10.00×',
          verdict(ns.tanstack / ns.event >= 10),
        ],
        [
          'retained heap vs plain object',
          ratio(eventBytes, plainBytes),
          '≤ 2.00×',
          collectGarbage === undefined ? 'SKIP' : verdict(eventBytes / plainBytes <= 2),
        ],
      ],
    ),
  );
  console.log(
    `\nfor reference: p-retry ${ratio(ns.pRetry, ns.event)}, cockatiel ${ratio(ns.cockatiel, ns.event)} the cost of create + invoke`,
  );
  sink = undefined;
}

main().catch((error: unknown) => {
  console.error(error);
});
