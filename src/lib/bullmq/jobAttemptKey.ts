import type { Job } from 'bullmq';

/** Which job and run an attempt's event belongs to, as kept in its `metadata.job`. */
export interface JobAttemptKey {
  queue: string;
  id: string;
  /** 1-based run of the job this event is. */
  attempt: number;
  /** The job's `attempts` option: how many runs BullMQ allows (1 when unset). */
  of: number;
  /** BullMQ's own count of runs started, stalled runs included. */
  attemptsStarted: number;
}

export function jobAttemptKey(job: Job, attempt: number): JobAttemptKey {
  return {
    queue: job.queueName,
    id: String(job.id),
    attempt,
    of: job.opts.attempts ?? 1,
    attemptsStarted: job.attemptsStarted,
  };
}
