/**
 * Enqueues a mix of events: some complete, some fail for good, some fail and succeed when
 * BullMQ retries them, some time out.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 node scripts/run-ts.js examples/bullmq/producer.ts [count]
 */
import { Queue } from 'bullmq';
import { enqueueEvent, type EventJobData } from '../../src/lib/bullmq';
import { FlakyEvent, SimpleEvent, SlowEvent } from '../../src/lib/demo';
import { QUEUE, connection, registry } from './events';

const count = Number(process.argv[2] ?? 40);
const queue = new Queue<EventJobData>(QUEUE, { connection });
const jobOptions = { attempts: 4, backoff: { type: 'exponential', delay: 500 } };

for (let index = 0; index < count; index += 1) {
  const event = [
    () => new SimpleEvent({ returnValue: `order ${String(index)}` }),
    () => new FlakyEvent({ failureRate: 0.6 }),
    () => new FlakyEvent({ failureRate: 1, errorKind: 'validation' }),
    () => new SlowEvent({ delay: 3, timeout: 1 }),
  ][index % 4]?.();
  if (event !== undefined) await enqueueEvent(queue, event, { registry, jobOptions });
}
console.log(`enqueued ${String(count)} events on ${QUEUE}`);
await queue.close();
