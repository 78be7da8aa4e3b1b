import { Execution } from '../execution.ts';
import { EventStatus } from '../status.ts';
import { closeStalledAttempts, type AttemptRecord } from './jobData.ts';
import { recordedRuns, type RecordedJob } from './jobResult.ts';

/** The states `job.getState()` reports. */
export type BullJobState =
  | 'waiting'
  | 'prioritized'
  | 'delayed'
  | 'waiting-children'
  | 'active'
  | 'completed'
  | 'failed'
  | 'unknown';

/**
 * The lifecycle status of a job as a whole: waiting, prioritized, delayed and
 * waiting-children → `pending`; active → `processing`; completed → `completed`; failed →
 * `failed`, or `cancelled` when its last run was cancelled; unknown (removed) → `null`.
 */
export function jobStatusOf(
  state: BullJobState,
  lastAttempt: AttemptRecord | undefined,
): EventStatus | null {
  switch (state) {
    case 'waiting':
    case 'prioritized':
    case 'delayed':
    case 'waiting-children':
      return EventStatus.PENDING;
    case 'active':
      return EventStatus.PROCESSING;
    case 'completed':
      return EventStatus.COMPLETED;
    case 'failed':
      return lastAttempt?.event.execution.status === EventStatus.CANCELLED
        ? EventStatus.CANCELLED
        : EventStatus.FAILED;
    case 'unknown':
      return null;
  }
}

/**
 * The runs of a job to show, oldest first: its {@link recordedRuns}, where a run that is not
 * active and never ended is closed as stalled; a job that never ran shows its enqueued,
 * pending event as attempt 1.
 */
export function attemptsToShow(
  job: RecordedJob,
  state: BullJobState,
  now: number,
): AttemptRecord[] {
  const data = job.data;
  const attempts = recordedRuns(job);
  if (attempts.length === 0) {
    const createdAt = Date.parse(data.event.created_at);
    return [
      {
        attempt: 1,
        // A pending event's blank execution: what the job's data leaves out.
        event: { ...data.event, execution: new Execution().toDict() },
        transitions: [
          { status: EventStatus.PENDING, at: Number.isNaN(createdAt) ? now : createdAt },
        ],
        verdict: null,
      },
    ];
  }
  if (state === 'active') {
    return [...closeStalledAttempts(attempts.slice(0, -1), now), ...attempts.slice(-1)];
  }
  return closeStalledAttempts(attempts, now);
}
