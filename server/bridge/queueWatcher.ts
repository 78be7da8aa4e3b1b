import { Queue, QueueEvents, type Job } from 'bullmq';
import type { BridgeEventUpdate, BridgeSourceInfo } from '../../src/lib/bridge/protocol.ts';
import {
  attemptsToShow,
  recordedRuns,
  whyNotEventJob,
  type BullJobState,
  type EventJobData,
} from '../../src/lib/bullmq/index.ts';
import type { Receiver } from './receiver.ts';
import { redactRedisUrl, redisOptionsFromUrl } from './redisUrl.ts';

export interface QueueWatchOptions {
  /** `redis://[user:password@]host:port[/db]`; the credentials stay in this process. */
  redisUrl: string;
  queues: readonly string[];
  /** BullMQ key prefix (default `bull`). */
  prefix?: string;
  now?: () => number;
}

export interface QueueWatcher {
  /** Reads every job of every queue again and publishes what changed. */
  rescan(): Promise<void>;
  close(): Promise<void>;
}

/** QueueEvents that make a job worth reading again. */
const JOB_EVENTS = [
  'added',
  'waiting',
  'active',
  'progress',
  'completed',
  'failed',
  'delayed',
  'stalled',
  'retries-exhausted',
] as const;

const PROBE_INTERVAL = 1_000;
const PROBE_TIMEOUT = 1_500;

/** Job states read on a (re)scan. */
const STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'] as const;

/**
 * Shows BullMQ queues in the dashboard: listens to each queue's `QueueEvents`, reads the
 * jobs they name, and publishes every run recorded in a job's data and return value (by the
 * `lifecycle-lab-core/bullmq` processor) as an event of the source `queue:<name>`. After
 * Redis comes back it reads every job again, so nothing that happened meanwhile is missed.
 * "Retry fresh" moves failed jobs back to wait (`job.retry('failed')`): the next run is a
 * further attempt of the same chain.
 */
export function watchQueues(receiver: Receiver, options: QueueWatchOptions): QueueWatcher {
  const connection = redisOptionsFromUrl(options.redisUrl);
  const where = redactRedisUrl(options.redisUrl);
  const now = options.now ?? Date.now;
  const prefix = options.prefix === undefined ? {} : { prefix: options.prefix };
  const watched = options.queues.map((name) => watchOne(name));

  function watchOne(name: string) {
    const queue = new Queue<EventJobData>(name, { connection, ...prefix });
    const events = new QueueEvents(name, { connection, ...prefix });
    const source: BridgeSourceInfo = {
      id: `queue:${name}`,
      name: `queue ${name}`,
      host: where,
      pid: null,
      runtime: 'other',
      capabilities: ['retry'],
    };
    let seq = 0;
    let connected = false;
    /** Last published snapshot of each event, to publish only changes. */
    const published = new Map<string, string>();
    /** Which job each event is a run of, for retries. */
    const jobOfEvent = new Map<string, string>();
    const dirty = new Set<string>();
    let flushing: Promise<void> | undefined;

    const publish = (updates: BridgeEventUpdate[]): void => {
      receiver.publish(source, connected, updates);
    };

    function updatesOf(job: Job<EventJobData>, state: BullJobState): BridgeEventUpdate[] {
      if (whyNotEventJob(job.data) !== null) return [];
      const updates: BridgeEventUpdate[] = [];
      for (const run of attemptsToShow(job, state, now())) {
        jobOfEvent.set(run.event.id, String(job.id));
        const snapshot = JSON.stringify([run.event, run.transitions]);
        if (published.get(run.event.id) === snapshot) continue;
        published.set(run.event.id, snapshot);
        seq += 1;
        updates.push({
          seq,
          kind: job.data.kind,
          notifications: [],
          transitions: run.transitions,
          progress: null,
          progressMessage: null,
          event: run.event,
          verdict: run.verdict,
          params: job.data.init,
        });
      }
      return updates;
    }

    async function read(ids: readonly string[]): Promise<void> {
      const updates: BridgeEventUpdate[] = [];
      for (const id of ids) {
        const job = await queue.getJob(id);
        if (job === undefined) continue;
        updates.push(...updatesOf(job, await job.getState()));
      }
      publish(updates);
    }

    function flush(): Promise<void> {
      flushing ??= (async () => {
        while (dirty.size > 0) {
          const ids = [...dirty];
          dirty.clear();
          await read(ids).catch(() => {
            for (const id of ids) dirty.add(id);
            return new Promise((resolve) => setTimeout(resolve, 500));
          });
        }
      })().finally(() => {
        flushing = undefined;
      });
      return flushing;
    }

    async function rescan(): Promise<void> {
      for (const state of STATES) {
        const jobs = await queue.getJobs([state], 0, -1);
        publish(jobs.flatMap((job) => updatesOf(job, state)));
      }
    }

    for (const name of JOB_EVENTS) {
      events.on(name, ({ jobId }: { jobId: string }) => {
        dirty.add(jobId);
        void flush();
      });
    }
    events.on('error', () => undefined);
    queue.on('error', () => undefined);
    const setConnected = (value: boolean): void => {
      if (connected === value) return;
      connected = value;
      publish([]);
      if (value) void rescan().catch(() => undefined);
    };
    // Whether Redis answers, asked every second: commands wait while it is down, so a slow
    // answer counts as no answer.
    const probe = setInterval(() => {
      void answersWithin(queue.getJobCounts('active'), PROBE_TIMEOUT).then(setConnected);
    }, PROBE_INTERVAL);
    void answersWithin(queue.getJobCounts('active'), PROBE_TIMEOUT).then(setConnected);

    receiver.handleCommands(source.id, async (eventIds) => {
      if (!connected) return `Redis at ${where} cannot be reached`;
      const problems: string[] = [];
      for (const eventId of eventIds) {
        const jobId = jobOfEvent.get(eventId);
        const job = jobId === undefined ? undefined : await queue.getJob(jobId);
        if (job === undefined) {
          problems.push(`${eventId}: no job of queue ${name} has it`);
          continue;
        }
        const last = recordedRuns(job).at(-1);
        if (last?.event.id !== eventId) {
          problems.push(`${eventId}: not the latest attempt of job ${String(job.id)}`);
          continue;
        }
        await job.retry('failed').catch((error: unknown) => {
          problems.push(`${eventId}: ${error instanceof Error ? error.message : 'refused'}`);
        });
      }
      return problems.length === 0 ? null : `not retried: ${problems.join('; ')}`;
    });

    return {
      rescan,
      async close() {
        clearInterval(probe);
        await events.close();
        await queue.close();
      },
    };
  }

  return {
    async rescan() {
      await Promise.all(watched.map((one) => one.rescan()));
    },
    async close() {
      await Promise.all(watched.map((one) => one.close()));
    },
  };
}

function answersWithin(call: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  return Promise.race([
    call.then(
      () => true,
      () => false,
    ),
    late,
  ]).finally(() => {
    clearTimeout(timer);
  });
}
