import type { Job, JobsOptions, Queue } from 'bullmq';
import type { Event } from '../event.ts';
import { paramsOf } from '../bridge/updateBuffer.ts';
import type { JsonValue } from '../serialize/toJsonSafe.ts';
import type { EventRegistry } from './eventRegistry.ts';
import type { EnqueuedEvent, EventJobData } from './jobData.ts';

export interface EnqueueOptions {
  /** Names the event's class; the workers must register the same name. */
  registry: EventRegistry;
  /**
   * The constructor options the workers rebuild the event with. Default: the event's own
   * configuration fields (`timeout` and its public fields), which fits classes whose fields
   * are named after their options, like the demo events.
   */
  init?: Record<string, JsonValue>;
  /** BullMQ job options (`attempts`, `backoff`, `jobId`, …). */
  jobOptions?: JobsOptions;
}

/**
 * Adds a pending event to a BullMQ queue as a job. The job's data is the event's class name,
 * its constructor options and its `toDict()`; a worker with {@link createEventProcessor}
 * rebuilds and runs it. The event itself stays pending here: it runs on a worker.
 *
 * ```ts
 * const job = await enqueueEvent(queue, new SendEmail({ to, timeout: 10 }), {
 *   registry,
 *   jobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
 * });
 * ```
 */
export function enqueueEvent(
  queue: Queue<EventJobData>,
  event: Event,
  options: EnqueueOptions,
): Promise<Job<EventJobData>> {
  const kind = options.registry.nameOf(event);
  const data: EventJobData = {
    kind,
    init: options.init ?? paramsOf(event),
    event: enqueuedEvent(event),
    attempts: [],
  };
  return queue.add(kind, data, options.jobOptions);
}

/** The event's id, creation time and metadata, as `toDict()` has them. */
function enqueuedEvent(event: Event): EnqueuedEvent {
  const { id, created_at, metadata } = event.toDict();
  return { id, created_at, metadata };
}
