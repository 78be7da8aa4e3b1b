import type { EventDict, Transition } from '../event.ts';
import type { JsonValue } from '../serialize/toJsonSafe.ts';
import { EventStatus, isTerminalStatus } from '../status.ts';

/** One run of a job: the event that ran it, as it ended (or as far as it got). */
export interface AttemptRecord {
  /** 1-based: the first run is 1, a stalled run counts too. */
  attempt: number;
  /** `event.toDict()` of the attempt; its `metadata.original` points at the previous attempt. */
  event: EventDict;
  transitions: Transition[];
  /** The retryability verdict in words, for failed and cancelled attempts. */
  verdict: string | null;
}

/**
 * The enqueued event as its job keeps it: `toDict()` without the execution, which is a
 * pending event's blank (jobs enqueued with it still read the same). The first run is
 * recorded under this id and creation time.
 */
export type EnqueuedEvent = Pick<EventDict, 'id' | 'created_at' | 'metadata'>;

/**
 * What an event job carries in `job.data`. The producer writes `kind`, `init` and `event`;
 * a run that fails appends its entry to `attempts`, error tree included, and so does a run
 * that lasts while it runs. A completed run's record is in the job's return value instead
 * (see `EventJobResult`); `recordedRuns(job)` reads both.
 */
export interface EventJobData {
  /** The name of the event's class in the workers' registry. */
  kind: string;
  /** The constructor options the workers rebuild the event with (metadata aside). */
  init: Record<string, JsonValue>;
  /** The enqueued event: its id, creation time and metadata. */
  event: EnqueuedEvent;
  /** The runs recorded in the job's data, oldest first (not the completed one). */
  attempts: AttemptRecord[];
}

/** Why `data` is not an event job, or `null` when it is one. */
export function whyNotEventJob(data: unknown): string | null {
  if (!isObject(data)) return 'job data is not an object';
  if (typeof data.kind !== 'string' || data.kind === '') return 'job data has no kind';
  if (!isObject(data.init)) return 'job data has no init object';
  const event = data.event;
  if (!isObject(event) || typeof event.id !== 'string' || !isObject(event.metadata)) {
    return 'job data has no event dict';
  }
  if (!Array.isArray(data.attempts)) return 'job data has no attempts list';
  return null;
}

/** The error a run that stopped without ending is recorded with. */
export const STALLED_ERROR = {
  error: 'StalledError',
  message:
    'the worker stopped before this attempt ended (its job lock expired); BullMQ moved the job back',
  retryable: true,
} as const;

/**
 * The attempts with a run that never ended (its worker died or lost the job's lock) closed
 * as `failed` with a {@link STALLED_ERROR}: such a run will never report again.
 */
export function closeStalledAttempts(
  attempts: readonly AttemptRecord[],
  at: number,
): AttemptRecord[] {
  return attempts.map((record) =>
    isTerminalStatus(record.event.execution.status) ? record : stalled(record, at),
  );
}

function stalled(record: AttemptRecord, at: number): AttemptRecord {
  const started = record.transitions.find((step) => step.status === EventStatus.PROCESSING);
  return {
    ...record,
    event: {
      ...record.event,
      execution: {
        status: EventStatus.FAILED,
        duration: started === undefined ? null : Math.max(0, (at - started.at) / 1000),
        response: null,
        error: { ...STALLED_ERROR },
        retryable: true,
      },
    },
    transitions: [
      ...record.transitions,
      { status: EventStatus.FAILED, at, reason: 'stalled: the worker stopped' },
    ],
    verdict: 'retryable: StalledError is retryable',
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
