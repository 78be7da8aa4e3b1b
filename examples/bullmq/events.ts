/** The events of the example and their registry, shared by the producer and the workers. */
import { createEventRegistry } from '../../src/lib/bullmq';
import { FlakyEvent, SimpleEvent, SlowEvent } from '../../src/lib/demo';

export const QUEUE = process.env.QUEUE ?? 'lifecycle-lab-example';

/** `REDIS_URL`, default a local Redis. */
export const connection = (() => {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  return {
    host: url.hostname,
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
  };
})();

export const registry = createEventRegistry({ FlakyEvent, SimpleEvent, SlowEvent });
