import type { JsonValue } from '../serialize/toJsonSafe';
import type { AttemptRecord, EventJobData } from './jobData';

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
  /** BullMQ's `returnvalue`: an {@link EventJobResult} once the job completed. */
  returnvalue?: unknown;
}

/**
 * Every recorded run of a job, oldest first: the runs in `job.data.attempts` (failed,
 * retried and still running ones), then the completed run kept in its return value, which
 * takes the place of that run's earlier, still-running record.
 */
export function recordedRuns(job: RecordedJob): AttemptRecord[] {
  const result = job.returnvalue;
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

/** The return value of a completed run: its response, and its record but for the response. */
export function eventJobResult(ended: AttemptRecord): EventJobResult {
  const execution = ended.event.execution;
  return {
    response: execution.response,
    run: { ...ended, event: { ...ended.event, execution: { ...execution, response: null } } },
  };
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
