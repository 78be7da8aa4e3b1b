/**
 * A worker: runs the queue's event jobs, each run a fresh event linked to the last. Start
 * two or more; kill one mid-run and another finishes its job as a further attempt.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 node scripts/run-ts.js examples/bullmq/worker.ts
 */
import { Worker } from 'bullmq';
import { createEventProcessor, type EventJobData } from '../../src/lib/bullmq';
import { QUEUE, connection, registry } from './events';

const worker = new Worker<EventJobData>(QUEUE, createEventProcessor({ registry }), {
  connection,
  concurrency: 5,
});
worker.on('completed', (job) => {
  console.log(`job ${String(job.id)} completed`);
});
worker.on('failed', (job, error) => {
  console.log(`job ${String(job?.id)} failed: ${error.message}`);
});
console.log(`worker ${String(process.pid)} runs ${QUEUE}; Ctrl-C to stop`);
process.on('SIGINT', () => {
  void worker.close().then(() => process.exit(0));
});
