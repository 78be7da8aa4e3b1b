import type { JsonValue } from '../serialize/toJsonSafe.ts';
import { firstRunRecord, isStoredFirstRun, type StoredFirstRun } from './firstRun.ts';
import type { AttemptRecord, EventJobData } from './jobData.ts';

/**
 * What a job the event processor ran to completion returns, and BullMQ keeps as the job's
 * `returnvalue`: the event's response and the completed run's record. BullMQ writes the
 * return value in the same script that completes the job, so a completed run's record costs
 * no Redis command of its own, and nobody sees the job completed without it.
 */
export interface EventJobResult {
  /** The event's response, as its `execution.toDict()` has it. */
  response: JsonValue;
  /**
   * The completed run's record, kept once: its `event.execution.response` is `null` here, the
   * response being `response` ({@link recordedRuns} puts it back).
   */
  run: AttemptRecord;
}

/** A job as far as its runs go: BullMQ's `Job`, or the same fields read some other way. */
export interface RecordedJob {
  data: EventJobData;
  /**
   * BullMQ's `returnvalue` once the job completed: an {@link EventJobResult}, or as Redis
   * keeps a first run that completed plainly, a {@link StoredFirstRun}.
   */
  returnvalue?: unknown;
  /** The job's id, queue and options: a {@link StoredFirstRun}'s `metadata.job` is read from them. */
  id?: string | undefined;
  queueName?: string;
  opts?: { attempts?: number };
}

/**
 * Every recorded run of a job, oldest first: the runs in `job.data.attempts` (failed,
 * retried and still running ones), then the completed run kept in its return value, which
 * takes the place of that run's earlier, still-running record.
 */
export function recordedRuns(job: RecordedJob): AttemptRecord[] {
  const result = job.returnvalue;
  // The first run's record takes the place of one written while it ran, if any.
  if (isStoredFirstRun(result)) return [firstRunRecord(job, result)];
  if (!isEventJobResult(result)) return job.data.attempts;
  const run = result.run;
  // A return value written by hand may lack it; `null` is what a missing response reads as.
  const response = result.response ?? null;
  const completed: AttemptRecord = {
    ...run,
    event: { ...run.event, execution: { ...run.event.execution, response } },
  };
  return [...job.data.attempts.slice(0, run.attempt - 1), completed];
}

/** The record of a completed run without its response, which the result keeps once. */
export function withoutResponse(ended: AttemptRecord): AttemptRecord {
  const execution = ended.event.execution;
  return { ...ended, event: { ...ended.event, execution: { ...execution, response: null } } };
}

/**
 * The return value of a completed run: its response and its record, which is built only when
 * read (by the worker's own `completed` listeners, say). BullMQ stores it as its `toJSON()`:
 * the run compactly when it can be (`stored`), whole otherwise.
 */
export function eventJobResult(
  response: JsonValue,
  ended: () => AttemptRecord,
  stored: StoredFirstRun | undefined,
): EventJobResult {
  return new CompletedRunResult(response, ended, stored);
}

/** A class, not a literal with a getter: one shape and no closures per job. */
class CompletedRunResult implements EventJobResult {
  readonly response: JsonValue;
  readonly #ended: () => AttemptRecord;
  readonly #stored: StoredFirstRun | undefined;
  #run: AttemptRecord | undefined;

  constructor(response: JsonValue, ended: () => AttemptRecord, stored: StoredFirstRun | undefined) {
    this.response = response;
    this.#ended = ended;
    this.#stored = stored;
  }

  get run(): AttemptRecord {
    return (this.#run ??= withoutResponse(this.#ended()));
  }

  toJSON(): StoredFirstRun | EventJobResult {
    return this.#stored ?? { response: this.response, run: this.run };
  }
}

function isEventJobResult(value: unknown): value is EventJobResult {
  if (typeof value !== 'object' || value === null || !('run' in value)) return false;
  const run = value.run as Partial<AttemptRecord> | null;
  return (
    typeof run === 'object' &&
    run !== null &&
    typeof run.attempt === 'number' &&
    run.attempt >= 1 &&
    typeof run.event?.execution === 'object' &&
    Array.isArray(run.transitions)
  );
}
