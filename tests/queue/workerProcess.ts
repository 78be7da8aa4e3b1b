/**
 * One worker process of the queue tests: runs ScriptedEvent jobs of QUEUE on the Redis at
 * REDIS_PORT, says `ready` on stdout, and `start <job id> <attempt>` as each run begins.
 */
import { Worker } from 'bullmq';
import { createEventProcessor, createEventRegistry } from '../../src/lib/bullmq';
import { ScriptedEvent } from './scriptedEvent';

const port = Number(process.env.REDIS_PORT);
const queue = process.env.QUEUE ?? 'events';
const registry = createEventRegistry({ ScriptedEvent });
const worker = new Worker(
  queue,
  createEventProcessor({
    registry,
    onAttempt: (event, job) => {
      process.stdout.write(`start ${String(job.id)} ${String(event.metadata.attempt)}\n`);
    },
  }),
  {
    connection: { host: '127.0.0.1', port },
    concurrency: Number(process.env.CONCURRENCY ?? 20),
    // Short locks, so a killed worker's job is found stalled within seconds.
    lockDuration: 2_000,
    stalledInterval: 1_000,
  },
);
worker.on('error', () => undefined);
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
