import type { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Event, type EventInit } from '../../src/lib';
import {
  createEventProcessor,
  createEventRegistry,
  recordedRuns,
  type EventJobData,
  type EventJobResult,
} from '../../src/lib/bullmq';

// A completed first run is stored in the job's return value as its times only; read back,
// it must be the very record the processor would have stored whole.

interface MetaInit extends EventInit {
  /** What the run writes to its own metadata, if anything. */
  write?: Record<string, unknown>;
}

class MetaEvent extends Event<{ ok: boolean }> {
  readonly write: Record<string, unknown> | undefined;
  constructor(init: MetaInit = {}) {
    super(init);
    this.write = init.write;
  }
  protected async _invoke(): Promise<{ ok: boolean }> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    Object.assign(this.metadata, this.write ?? {});
    return { ok: true };
  }
}

const registry = createEventRegistry({ MetaEvent });

function fakeJob(init: MetaInit & { metadata?: Record<string, unknown> }) {
  const event = new MetaEvent(init);
  const job = {
    id: '12',
    queueName: 'orders',
    opts: { attempts: 4 },
    attemptsStarted: 1,
    data: {
      kind: 'MetaEvent',
      init: init.write === undefined ? {} : { write: init.write },
      event: event.toDict(),
      attempts: [],
    } as unknown as EventJobData,
    updateData(data: EventJobData) {
      job.data = data;
      return Promise.resolve();
    },
    log: () => Promise.resolve(1),
  };
  return job;
}

/** The return value as Redis gives it back: through JSON, as BullMQ stores it. */
const throughRedis = (result: EventJobResult): unknown => JSON.parse(JSON.stringify(result));

async function run(job: ReturnType<typeof fakeJob>, options = {}) {
  const running = createEventProcessor({ registry, ...options })(
    job as unknown as Job<EventJobData>,
  );
  await vi.advanceTimersByTimeAsync(500);
  return running;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a completed first run in the return value', () => {
  it('is stored as its times and read back as the whole record', async () => {
    const job = fakeJob({ metadata: { order: 7, region: 'eu', rush: true, note: null } });
    const result = await run(job);
    const stored = throughRedis(result);
    expect(stored).toEqual({
      response: { ok: true },
      firstRun: { at: expect.any(Array) as unknown, attemptsStarted: 1 },
    });
    const whole = recordedRuns({
      ...job,
      returnvalue: { response: result.response, run: result.run },
    });
    expect(recordedRuns({ ...job, returnvalue: stored })).toEqual(whole);
    expect(whole[0]?.event.metadata).toEqual({
      order: 7,
      region: 'eu',
      rush: true,
      note: null,
      attempt: 1,
      job: { queue: 'orders', id: '12', attempt: 1, of: 4, attemptsStarted: 1 },
    });
    expect(whole[0]?.event.execution).toMatchObject({
      status: 'completed',
      response: { ok: true },
    });
  });

  it('takes the place of the record written while the run lasted', async () => {
    const job = fakeJob({});
    const result = await run(job, { recordStartAfterMs: 1 });
    expect(job.data.attempts.map((a) => a.event.execution.status)).toEqual(['processing']);
    const runs = recordedRuns({ ...job, returnvalue: throughRedis(result) });
    expect(runs.map((a) => a.event.execution.status)).toEqual(['completed']);
    expect(runs[0]?.event.id).toBe(job.data.event.id);
  });

  it('is stored whole when the run wrote to its metadata', async () => {
    const job = fakeJob({ write: { shard: 3 } });
    const stored = throughRedis(await run(job));
    expect(stored).toHaveProperty('run');
    expect(recordedRuns({ ...job, returnvalue: stored })[0]?.event.metadata).toMatchObject({
      shard: 3,
      attempt: 1,
    });
  });

  it('is stored whole when the enqueued metadata holds objects the run could change', async () => {
    const job = fakeJob({ metadata: { tags: ['a'] } });
    const stored = throughRedis(await run(job));
    expect(stored).toHaveProperty('run');
    expect(recordedRuns({ ...job, returnvalue: stored })[0]?.event.metadata.tags).toEqual(['a']);
  });

  it('is stored whole when the run rewrote its job key', async () => {
    const job = fakeJob({ write: { job: { queue: 'elsewhere' } } });
    const stored = throughRedis(await run(job));
    expect(stored).toHaveProperty('run');
    expect(recordedRuns({ ...job, returnvalue: stored })[0]?.event.metadata.job).toEqual({
      queue: 'elsewhere',
    });
  });
});
