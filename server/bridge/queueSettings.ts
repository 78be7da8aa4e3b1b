import type { Receiver } from './receiver.ts';

/** Which queues to watch, from flags or `LIFECYCLE_LAB_REDIS_URL` / `LIFECYCLE_LAB_QUEUES`. */
export interface QueueSettings {
  redisUrl: string;
  queues: string[];
}

/** The settings, or `null` when no Redis is named; throws when queues are named without one. */
export function queueSettings(
  flags: { redis?: string; queue?: readonly string[] },
  env: NodeJS.ProcessEnv = process.env,
): QueueSettings | null {
  const redisUrl = flags.redis ?? env.LIFECYCLE_LAB_REDIS_URL;
  const named =
    flags.queue !== undefined && flags.queue.length > 0
      ? flags.queue
      : [env.LIFECYCLE_LAB_QUEUES ?? ''];
  const queues = named
    .flatMap((entry) => entry.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  if (redisUrl === undefined || redisUrl === '') {
    if (queues.length > 0)
      throw new Error('--queue needs --redis <url> (or LIFECYCLE_LAB_REDIS_URL)');
    return null;
  }
  if (queues.length === 0) {
    throw new Error(
      '--redis needs the queues to watch: --queue <name>[,<name>…] (or LIFECYCLE_LAB_QUEUES)',
    );
  }
  return { redisUrl, queues };
}

/**
 * Starts watching the queues. BullMQ is loaded only here, so the receiver runs without it
 * when no queue is watched.
 */
export async function startQueueWatch(
  receiver: Receiver,
  settings: QueueSettings,
): Promise<{ close: () => Promise<void> }> {
  const { watchQueues } = await import('./queueWatcher.ts');
  return watchQueues(receiver, settings);
}
