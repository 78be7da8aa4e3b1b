import { systemScheduler, type Scheduler } from '../scheduler.ts';

/**
 * Waits `seconds` on `scheduler` (the global timers by default; pass `ctx.scheduler` so the
 * work runs in its event's time). With a signal, stops early and rejects with the signal's
 * reason, so work that listens to `ctx.signal` ends as soon as its event is cancelled.
 */
export function sleep(
  seconds: number,
  signal?: AbortSignal,
  scheduler: Scheduler = systemScheduler,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      scheduler.clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = scheduler.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, seconds * 1000);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
