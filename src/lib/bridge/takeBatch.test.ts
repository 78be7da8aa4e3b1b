import { describe, expect, it, vi } from 'vitest';
import { createEvent } from '../functionEvent.ts';
import type { BridgeBatch } from './protocol.ts';
import { takeBatch } from './takeBatch.ts';
import { UpdateBuffer } from './updateBuffer.ts';

const envelope: Omit<BridgeBatch, 'updates'> = {
  protocol: 1,
  source: { id: 'run', name: 'worker', host: 'box', pid: 7, runtime: 'node', capabilities: [] },
  dropped: 0,
};

/** A buffer holding `count` completed events, each watched for how often it is snapshot. */
async function buffered(count: number, payload = '') {
  const buffer = new UpdateBuffer(100_000);
  const events = Array.from({ length: count }, (_, index) =>
    createEvent(() => `${payload}${String(index % 10)}`),
  );
  const snapshots = events.map((event) => vi.spyOn(event, 'toDict'));
  await Promise.all(events.map((event) => event.invoke()));
  for (const event of events) buffer.record(event);
  return { buffer, events, snapshots };
}

describe('takeBatch', () => {
  it('fills a body up to the size limit, in order, snapshotting each event once', async () => {
    const { buffer, events, snapshots } = await buffered(200);
    const bodies: string[] = [];
    for (let batch = takeBatch(buffer, envelope, 5_000, 20_000); batch !== null;) {
      bodies.push(batch.body);
      expect(batch.taken.map((entry) => entry.update)).toEqual(
        (JSON.parse(batch.body) as BridgeBatch).updates,
      );
      batch = takeBatch(buffer, envelope, 5_000, 20_000);
    }
    expect(bodies.length).toBeGreaterThan(3);
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(20_000);
    // Full: the next update would not have fitted.
    expect(bodies[0]?.length).toBeGreaterThan(20_000 - 1_000);
    const sent = bodies.flatMap((body) => (JSON.parse(body) as BridgeBatch).updates);
    expect(sent.map((update) => update.event.id)).toEqual(events.map((event) => event.id));
    const calls = snapshots.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    // At most the one that did not fit is given back per body, and snapshot again later.
    expect(calls).toBeLessThanOrEqual(events.length + bodies.length);
  });

  it('keeps the envelope, and the most updates per request', async () => {
    const { buffer } = await buffered(10);
    const batch = takeBatch(buffer, envelope, 4, 1_000_000);
    expect(JSON.parse(batch?.body ?? '')).toMatchObject({ ...envelope, updates: { length: 4 } });
    expect(buffer.size).toBe(6);
  });

  it('sends an update larger than the limit alone rather than never', async () => {
    const { buffer } = await buffered(2, 'x'.repeat(5_000));
    expect(takeBatch(buffer, envelope, 5_000, 1_000)?.taken).toHaveLength(1);
    expect(takeBatch(buffer, envelope, 5_000, 1_000)?.taken).toHaveLength(1);
    expect(takeBatch(buffer, envelope, 5_000, 1_000)).toBeNull();
  });
});
