/** What `npm run bench:queue` and its contender processes share. */

/** The contenders, each run in a worker process of its own (`bench/queueContender.ts`). */
export type ContenderName = 'bare' | 'bare, listening' | 'adapter' | 'adapter, not cancellable';

/** One trial's figures, per job. */
export interface Trial {
  /** Milliseconds per job to enqueue (one `add` at a time, as a producer does). */
  enqueueMs: number;
  /** Milliseconds per job from the worker's start to the last job completed. */
  runMs: number;
  /**
   * CPU milliseconds per job while the worker ran, in its process and in redis-server: what
   * the jobs cost, whatever else the machine was doing meanwhile.
   */
  runNodeCpuMs: number;
  runRedisCpuMs: number;
}
