import type { Event } from '../event.ts';
import type { JsonValue } from '../serialize/toJsonSafe.ts';
import { EventStatus } from '../status.ts';
import type { AttemptRecord, EventJobData } from './jobData.ts';
import type { JobAttemptKey } from './jobAttemptKey.ts';

/**
 * How the job's return value keeps the most common run of all: the first, completed with
 * nothing of its own but its three times. Everything else its record holds follows from the
 * job (its data, id, queue and options), so the stored value is some 100 bytes instead of
 * 500: BullMQ writes the return value twice (the job and its events stream) and stringifies
 * it twice, and Redis keeps the job as a packed hash for longer. {@link firstRunRecord} reads
 * the whole record back.
 */
export interface StoredFirstRun {
  /** The event's response, JSON-safe. */
  response: JsonValue;
  firstRun: {
    /** When the run was pending, processing and completed (its transitions). */
    at: [number, number, number];
    /** BullMQ's `attemptsStarted` when it ran, as its `metadata.job` had it. */
    attemptsStarted: number;
  };
}

/** The fields of a BullMQ job a stored first run is read back with. */
export interface FirstRunJob {
  data: EventJobData;
  id?: string | undefined;
  queueName?: string;
  opts?: { attempts?: number };
}

/**
 * The compact form of `event`'s run when the record would hold nothing the job does not:
 * the first run, completed without a reason, whose metadata is still the enqueued metadata
 * (plain values) plus `attempt` and `job` as the processor set them. `undefined` otherwise:
 * such a run is stored whole.
 */
export function storedFirstRun(
  event: Event,
  job: FirstRunJob,
  response: JsonValue,
): StoredFirstRun | undefined {
  // Read as the run left it: it may have replaced or changed the key.
  const key: unknown = event.metadata.job;
  if (event.status !== EventStatus.COMPLETED || !isFirstRunKey(key, job)) return undefined;
  const history = event.history;
  const [pending, processing, completed] = history;
  if (
    history.length !== 3 ||
    pending?.status !== EventStatus.PENDING ||
    processing?.status !== EventStatus.PROCESSING ||
    completed?.status !== EventStatus.COMPLETED ||
    completed.reason !== undefined ||
    !isEnqueuedMetadata(event.metadata, job.data.event.metadata)
  ) {
    return undefined;
  }
  return {
    response,
    firstRun: {
      at: [pending.at, processing.at, completed.at],
      attemptsStarted: key.attemptsStarted,
    },
  };
}

/** Whether `value` is a return value written by {@link storedFirstRun}. */
export function isStoredFirstRun(value: unknown): value is StoredFirstRun {
  if (typeof value !== 'object' || value === null || !('firstRun' in value)) return false;
  const run = value.firstRun as { at?: unknown; attemptsStarted?: unknown } | null;
  return (
    typeof run === 'object' &&
    run !== null &&
    Array.isArray(run.at) &&
    run.at.length === 3 &&
    run.at.every((at) => typeof at === 'number') &&
    typeof run.attemptsStarted === 'number'
  );
}

/** The whole record of a stored first run, as the processor would have stored it whole. */
export function firstRunRecord(job: FirstRunJob, stored: StoredFirstRun): AttemptRecord {
  const enqueued = job.data.event;
  const [pendingAt, processingAt, completedAt] = stored.firstRun.at;
  const key: JobAttemptKey = {
    queue: job.queueName ?? '',
    id: String(job.id),
    attempt: 1,
    of: job.opts?.attempts ?? 1,
    attemptsStarted: stored.firstRun.attemptsStarted,
  };
  return {
    attempt: 1,
    event: {
      id: enqueued.id,
      created_at: enqueued.created_at,
      metadata: { ...enqueued.metadata, attempt: 1, job: { ...key } },
      execution: {
        status: EventStatus.COMPLETED,
        // As the event computed it when it settled.
        duration: Math.max(0, (completedAt - processingAt) / 1000),
        // A missing response reads as `null`, as in a record stored whole.
        response: stored.response ?? null,
        error: null,
        retryable: false,
      },
    },
    transitions: [
      { status: EventStatus.PENDING, at: pendingAt },
      { status: EventStatus.PROCESSING, at: processingAt },
      { status: EventStatus.COMPLETED, at: completedAt },
    ],
    verdict: null,
  };
}

/**
 * Whether the run's metadata is the enqueued metadata plus `attempt: 1` and its `job` key.
 * Only plain values count: a nested object the run may have changed in place would compare
 * equal here and differ from what Redis holds.
 */
function isEnqueuedMetadata(
  metadata: Record<string, unknown>,
  enqueued: Record<string, JsonValue>,
): boolean {
  if (metadata.attempt !== 1) return false;
  let count = 2;
  // `for…in` over own keys: `Object.keys` would make an array per job only to count it.
  for (const name in enqueued) {
    if (!Object.hasOwn(enqueued, name)) continue;
    const value = enqueued[name];
    if (name === 'attempt' || name === 'job' || (typeof value === 'object' && value !== null)) {
      return false;
    }
    if (metadata[name] !== value) return false;
    count += 1;
  }
  return ownKeyCount(metadata) === count;
}

/** How many own enumerable keys `value` has, without an array of them. */
function ownKeyCount(value: object): number {
  let count = 0;
  for (const name in value) if (Object.hasOwn(value, name)) count += 1;
  return count;
}

/**
 * Whether `key` is the first run's `metadata.job` as {@link firstRunRecord} rebuilds it from
 * the job: the run may have written to it.
 */
function isFirstRunKey(value: unknown, job: FirstRunJob): value is JobAttemptKey {
  if (typeof value !== 'object' || value === null) return false;
  const key = value as Partial<Record<keyof JobAttemptKey, unknown>>;
  return (
    ownKeyCount(key) === 5 &&
    key.queue === (job.queueName ?? '') &&
    key.id === String(job.id) &&
    key.attempt === 1 &&
    key.of === (job.opts?.attempts ?? 1) &&
    typeof key.attemptsStarted === 'number'
  );
}
