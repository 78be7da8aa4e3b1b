import type { Job } from 'bullmq';
import type { Event } from '../event.ts';
import { explainRetryable } from '../retryable.ts';
import { EventStatus } from '../status.ts';
import type { EventClass } from './eventRegistry.ts';
import { closeStalledAttempts, type AttemptRecord, type EventJobData } from './jobData.ts';
import { jobAttemptKey } from './jobAttemptKey.ts';
import { recordedRuns } from './jobResult.ts';

/** One run of an event job: its event, fresh and linked to the run before, and its record. */
export interface AttemptRun {
  /** 1-based. */
  attempt: number;
  event: Event;
  /** The run's record as it stands now. */
  record: () => AttemptRecord;
}

/**
 * The event of the run after `previous` (or of the first run): rebuilt from the job's data,
 * made fresh from the previous run (`asFreshEvent`, metadata copied) and keyed by job and
 * attempt in `metadata.job`. The first run is recorded under the enqueued event's identity.
 */
export function attemptRun(
  EventClass: EventClass,
  job: Job<EventJobData>,
  previous: AttemptRecord | undefined,
): AttemptRun {
  const data = job.data;
  const attempt = (previous?.attempt ?? 0) + 1;
  // The constructor copies the metadata it is given.
  const first = new EventClass({ ...data.init, metadata: data.event.metadata });
  const event = previous === undefined ? first : first.asFreshEvent({ copyMeta: true });
  if (previous !== undefined) {
    event.metadata.original = { id: previous.event.id, created_at: previous.event.created_at };
  }
  event.metadata.attempt = attempt;
  event.metadata.job = jobAttemptKey(job, attempt);
  return {
    attempt,
    event,
    record: () => {
      const status = event.status;
      const dict = event.toDict();
      // The first run is recorded under the enqueued event's identity.
      if (previous === undefined) {
        dict.id = data.event.id;
        dict.created_at = data.event.created_at;
      }
      return {
        attempt,
        event: dict,
        transitions: event.history,
        verdict:
          status === EventStatus.FAILED || status === EventStatus.CANCELLED
            ? explainRetryable(event.execution.error).reason
            : null,
      };
    },
  };
}

/**
 * The runs of a job before the one starting now, as they are to be kept: recorded runs that
 * never ended are closed as stalled, and so is each run BullMQ started (`attemptsStarted`
 * counts the one starting now too) that left no record — its worker stopped before the run's
 * first write.
 */
export function earlierRuns(
  EventClass: EventClass,
  job: Job<EventJobData>,
  at: number,
): AttemptRecord[] {
  const runs = closeStalledAttempts(recordedRuns(job), at);
  const unrecorded = job.attemptsStarted - 1 - runs.length;
  for (let run = 0; run < unrecorded; run++) {
    const lost = attemptRun(EventClass, job, runs.at(-1)).record();
    runs.push(...closeStalledAttempts([lost], at));
  }
  return runs;
}
