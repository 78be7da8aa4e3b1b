/**
 * A worker process of the queue story: runs the jobs of QUEUE on the Redis at 127.0.0.1:REDIS_PORT with
 * the `lifecycle-lab-core/bullmq` processor and says `ready` on stdout once it listens.
 */
import { Worker } from 'bullmq';
import { createEventProcessor } from '../../src/lib/bullmq/index.ts';
import { queueRegistry } from './queueJobs.ts';

const worker = new Worker(
  process.env.QUEUE ?? 'events',
  createEventProcessor({ registry: queueRegistry }),
  { connection: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) }, concurrency: 4 },
);
// Redis restarts during the story: the worker reconnects by itself.
worker.on('error', () => undefined);
await worker.waitUntilReady();
process.stdout.write('ready\n');
