import { UnrecoverableError, type Job } from 'bullmq';
import type { Event } from '../event.ts';
import { EventStatus } from '../status.ts';
import type { EventRegistry } from './eventRegistry.ts';
import { attemptRun, earlierRuns } from './attemptRun.ts';
import { whyNotEventJob, type AttemptRecord, type EventJobData } from './jobData.ts';
import { toJsonSafe } from '../serialize/toJsonSafe.ts';
import { storedFirstRun } from './firstRun.ts';
import { eventJobResult, type EventJobResult } from './jobResult.ts';
import { createStartWatch } from './startWatch.ts';

export interface EventProcessorOptions {
  /** The event classes jobs may name. */
  registry: EventRegistry;
  /** Called with each attempt's event before it runs (to watch it, connect it to a bridge …). */
  onAttempt?: (event: Event, job: Job<EventJobData>) => void;
  /** Time source for the records of stalled runs (default `Date.now`). */
  now?: () => number;
  /**
   * How long a run must last before it is recorded as running (default 100 ms); a shorter run
   * is recorded only when it ends, which saves a Redis command per job. `0` records every run
   * as it starts.
   */
  recordStartAfterMs?: number;
  /**
   * Whether `worker.cancelJob(id)` reaches the running event (default `true`). BullMQ makes an
   * `AbortController` for every job of a processor that takes its signal; a queue that never
   * cancels jobs saves that with `false`.
   */
  cancellable?: boolean;
}

/** A BullMQ processor, `(job, token, signal)`: the signal lets `worker.cancelJob` reach the event. */
export type EventProcessor = (
  job: Job<EventJobData>,
  token?: string,
  signal?: AbortSignal,
) => Promise<EventJobResult>;

/**
 * A BullMQ worker processor that runs event jobs made by {@link enqueueEvent}:
 *
 * - every run is a fresh event, linked to the previous run (`asFreshEvent`, copying the
 *   metadata) and keyed by job id and attempt in `metadata.job`; the first run carries the
 *   enqueued event's id;
 * - a completed run's record goes in the job's return value ({@link EventJobResult}: the
 *   response and the record; a plainly completed first run stored as its times only, see
 *   `StoredFirstRun`), which BullMQ stores as it completes the job; a run that fails
 *   is written to `job.data.attempts`, error tree included, and its tree added to the job's
 *   log; a run that lasts `recordStartAfterMs` is also written there while it runs;
 * - completed → the job completes with `{ response, run }`; a failure that is not retryable throws
 *   BullMQ's `UnrecoverableError`, so no attempt is wasted; a retryable failure or a timeout
 *   throws, so the job's `attempts` and `backoff` apply; `worker.cancelJob(id)` cancels the
 *   event, and a cancelled job is not retried;
 * - a run that never ended (its worker was killed) is recorded as a stalled, failed attempt
 *   when the job is picked up again, whether it had been recorded or not (BullMQ's
 *   `attemptsStarted` counts it).
 *
 * ```ts
 * new Worker('emails', createEventProcessor({ registry }), { connection });
 * ```
 */
export function createEventProcessor(options: EventProcessorOptions): EventProcessor {
  const now = options.now ?? Date.now;
  const recordStartAfter = options.recordStartAfterMs ?? 100;
  const starts = recordStartAfter > 0 ? createStartWatch(recordStartAfter) : undefined;
  const processor: EventProcessor = async (job, _token, signal) => {
    const why = whyNotEventJob(job.data);
    if (why !== null)
      throw new UnrecoverableError(`job ${String(job.id)} is not an event job: ${why}`);
    const data = job.data;
    let EventClass;
    try {
      EventClass = options.registry.get(data.kind);
    } catch (error) {
      throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
    }
    const earlier = earlierRuns(EventClass, job, now());
    const { attempt, event, record } = attemptRun(EventClass, job, earlier.at(-1));
    options.onAttempt?.(event, job);

    let cancelledBy: unknown;
    // Made only for a signal: without one (`cancellable: false`) there is nothing to listen to.
    const onAbort =
      signal === undefined
        ? undefined
        : (): void => {
            cancelledBy = signal.reason;
            event.cancel(
              typeof cancelledBy === 'string' ? cancelledBy : 'cancelled through BullMQ',
            );
          };
    // Not `once`: a signal aborts once, and the listener is removed when the run ends anyway.
    if (onAbort !== undefined) signal?.addEventListener('abort', onAbort);
    // A run that lasts is recorded while it runs (the dashboard shows it processing, and a
    // worker that dies leaves its record); a short one only when it ends, saving every job a
    // Redis command. A run that died before any write is still counted, by `earlierRuns`.
    let startWritten: Promise<void> | undefined;
    const writeStart = (): void => {
      startWritten = job.updateData({ ...data, attempts: [...earlier, record()] });
      // Awaited once the run ends; this only keeps an early failure from going unhandled.
      startWritten.catch(() => undefined);
    };
    try {
      const run = event.invoke();
      if (starts === undefined) writeStart();
      else starts.add(writeStart);
      await run;
    } finally {
      starts?.delete(writeStart);
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
    // Most runs end before they are recorded as running: nothing to wait for.
    if (startWritten !== undefined) await startWritten;
    // The record of a completed run travels in the return value, which BullMQ writes in the
    // same script that completes the job: no Redis command of its own, and the job is never
    // seen completed without it.
    if (event.status === EventStatus.COMPLETED) {
      if (startWritten === undefined && !sameRuns(earlier, data.attempts)) {
        // Earlier runs closed as stalled just now belong in the data, which nothing wrote
        // during this run. Sent, not awaited: BullMQ completes the job with its next command
        // on this same connection, and Redis runs one connection's commands in order.
        job.updateData({ ...data, attempts: earlier }).catch(() => undefined);
      }
      const response = toJsonSafe(event.execution.response);
      return eventJobResult(response, record, storedFirstRun(event, job, response));
    }

    const ended = record();
    const execution = ended.event.execution;
    const tree = execution.error;
    // The tree in the job's data and in its log, in one round trip.
    await Promise.all([
      job.updateData({ ...data, attempts: [...earlier, ended] }),
      job.log(JSON.stringify({ attempt, event: ended.event.id, error: tree })),
    ]);
    const message = `${tree?.error ?? 'Error'}: ${tree?.message ?? event.status}`;
    if (cancelledBy !== undefined || signal?.aborted === true) {
      throw new UnrecoverableError(`cancelled: ${message}`);
    }
    if (execution.retryable !== true) throw new UnrecoverableError(message);
    const failure = new Error(message);
    failure.name = tree?.error ?? 'Error';
    throw failure;
  };
  // BullMQ passes a signal, and makes one per job, only to a processor of three parameters.
  return options.cancellable === false ? (job) => processor(job) : processor;
}

/** Whether the runs are the very records the job's data holds (none closed or added). */
function sameRuns(runs: readonly AttemptRecord[], stored: readonly AttemptRecord[]): boolean {
  if (runs === stored) return true;
  if (runs.length !== stored.length) return false;
  for (let index = 0; index < runs.length; index += 1) {
    if (runs[index] !== stored[index]) return false;
  }
  return true;
}
