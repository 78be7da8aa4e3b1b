/**
 * Events as BullMQ jobs: enqueue an event, run it on any number of workers with its
 * lifecycle, retry verdict and error tree kept in the job. Published as
 * `lifecycle-lab-core/bullmq`; needs `bullmq` (an optional peer dependency) and Node.
 */
export { enqueueEvent, type EnqueueOptions } from './enqueueEvent.ts';
export {
  createEventProcessor,
  type EventProcessor,
  type EventProcessorOptions,
} from './eventProcessor.ts';
export { createEventRegistry, type EventClass, type EventRegistry } from './eventRegistry.ts';
export { jobAttemptKey, type JobAttemptKey } from './jobAttemptKey.ts';
export {
  closeStalledAttempts,
  STALLED_ERROR,
  whyNotEventJob,
  type AttemptRecord,
  type EnqueuedEvent,
  type EventJobData,
} from './jobData.ts';
export { recordedRuns, type EventJobResult, type RecordedJob } from './jobResult.ts';
export type { StoredFirstRun } from './firstRun.ts';
export { attemptsToShow, jobStatusOf, type BullJobState } from './jobStatus.ts';
