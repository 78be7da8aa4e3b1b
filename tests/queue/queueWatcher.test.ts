import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteEventUpdate } from '../../src/lib/bridge/protocol';
import {
  createEventProcessor,
  createEventRegistry,
  enqueueEvent,
  type EventJobData,
} from '../../src/lib/bullmq';
import { watchQueues, type QueueWatcher } from '../../server/bridge/queueWatcher';
import {
  listenToStream,
  startTestReceiver,
  type TestReceiver,
} from '../../server/bridge/testServer';
import { startRedis, type TestRedis } from './redisServer';
import { ScriptedEvent } from './scriptedEvent';

const PASSWORD = 's3cret-pass-do-not-leak';
const registry = createEventRegistry({ ScriptedEvent });
let redis: TestRedis;
let app: TestReceiver;
let watcher: QueueWatcher;
let queue: Queue<EventJobData>;
let worker: Worker<EventJobData>;

beforeAll(async () => {
  redis = await startRedis({ password: PASSWORD });
  const connection = { host: '127.0.0.1', port: redis.port, password: PASSWORD };
  app = await startTestReceiver({ broadcastInterval: 5 });
  watcher = watchQueues(app.receiver, { redisUrl: redis.url, queues: ['watched'] });
  queue = new Queue('watched', { connection });
  worker = new Worker('watched', createEventProcessor({ registry }), { connection });
  worker.on('error', () => undefined);
  queue.on('error', () => undefined);
  await worker.waitUntilReady();
}, 30_000);

afterAll(async () => {
  await worker.close();
  await watcher.close();
  await queue.close();
  await app.close();
  await redis.stop();
});

const latest = (updates: RemoteEventUpdate[], id: string | undefined) =>
  updates.filter((update) => update.event.id === id).at(-1);

describe('the receiver watching a BullMQ queue', () => {
  it('shows each job’s runs live as events of a queue source, never telling the password', async () => {
    const stream = await listenToStream(app.url.replace('/?', '/api/bridge/stream?'));
    try {
      const event = new ScriptedEvent({ plan: ['retryable', 'ok'] });
      await enqueueEvent(queue, event, {
        registry,
        jobOptions: { attempts: 2, backoff: { type: 'fixed', delay: 10 } },
      });
      await expect
        .poll(
          () =>
            stream.updates.filter((update) => update.event.metadata.attempt === 2).at(-1)?.event
              .execution.status,
          { timeout: 10_000 },
        )
        .toBe('completed');
      const second = stream.updates.filter((update) => update.event.metadata.attempt === 2).at(-1);
      expect(second?.sourceId).toBe('queue:watched');
      expect(second?.kind).toBe('ScriptedEvent');
      expect(second?.event.metadata.original).toMatchObject({ id: event.id });
      expect(latest(stream.updates, event.id)?.event.execution).toMatchObject({
        status: 'failed',
        error: { error: 'ConnectionError', retryable: true },
      });
      expect(stream.sources.at(-1)).toEqual([
        expect.objectContaining({
          id: 'queue:watched',
          kind: 'queue',
          connected: true,
          host: `redis://127.0.0.1:${String(redis.port)}`,
          capabilities: ['retry'],
        }),
      ]);
      const told = JSON.stringify([stream.sources, stream.updates]);
      const sources = await (
        await fetch(`${app.origin}/api/bridge/sources`, {
          headers: { authorization: `Bearer ${app.receiver.token}` },
        })
      ).text();
      expect(told + sources).not.toContain(PASSWORD);
    } finally {
      stream.stop();
    }
  });

  it('retries failed jobs fresh through BullMQ, several in one command', async () => {
    const stream = await listenToStream(app.url.replace('/?', '/api/bridge/stream?'));
    try {
      const events = [
        new ScriptedEvent({ plan: ['retryable', 'ok'] }),
        new ScriptedEvent({ plan: ['retryable', 'ok'] }),
      ];
      for (const event of events) await enqueueEvent(queue, event, { registry });
      await expect
        .poll(
          () => events.map((event) => latest(stream.updates, event.id)?.event.execution.status),
          { timeout: 10_000 },
        )
        .toEqual(['failed', 'failed']);
      const answer = await app.post('commands', {
        sourceId: 'queue:watched',
        command: {
          type: 'retry',
          eventId: events[0]?.id,
          eventIds: [events[1]?.id],
          copyMeta: true,
        },
      });
      expect(answer.status).toBe(202);
      for (const event of events) {
        await expect
          .poll(
            () =>
              stream.updates.find(
                (update) =>
                  (update.event.metadata.original as { id?: string } | undefined)?.id ===
                    event.id && update.event.execution.status === 'completed',
              )?.event.metadata.attempt,
            { timeout: 10_000 },
          )
          .toBe(2);
      }
      const again = await app.post('commands', {
        sourceId: 'queue:watched',
        command: { type: 'retry', eventId: events[0]?.id, copyMeta: true },
      });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: string }).error).toMatch(/not the latest attempt/);
    } finally {
      stream.stop();
    }
  });

  it('says when Redis is gone and catches up with what happened once it is back', async () => {
    await redis.restart(1_500);
    const stream = await listenToStream(app.url.replace('/?', '/api/bridge/stream?'));
    try {
      const event = new ScriptedEvent({ plan: ['ok'] });
      await enqueueEvent(queue, event, { registry });
      await expect
        .poll(() => latest(stream.updates, event.id)?.event.execution.status, { timeout: 15_000 })
        .toBe('completed');
      expect(app.receiver.sources()[0]?.connected).toBe(true);
    } finally {
      stream.stop();
    }
  }, 30_000);
});
