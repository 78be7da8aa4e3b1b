import { describe, expect, test } from 'vitest';
import type { Clock, Event } from '../lib';
import { createEndedEvents, ENDED_EVENTS_KEPT } from './endedEvents';
import type { Tracked } from './mirror';
import { createRecordsCache } from './records/recordsCache';
import { createTestStore } from './testHelpers';
import { makeRecord } from '../../tests/interop/makeRecord';

const pageClock: Clock = { now: () => 0 };

/** A tracked event that ended (`completed`), its record mirrored unless `mirrored` is false. */
function endedEvent(
  id: string,
  options: { kind?: string; clock?: Clock; chainId?: string } = {},
): Tracked & { unsubscribed: boolean } {
  const record = makeRecord({ id, kind: options.kind ?? 'simple' });
  const event = {
    id,
    isTerminal: true,
    status: record.status,
    history: record.transitions,
  } as unknown as Event;
  const tracked = {
    event,
    clock: options.clock ?? pageClock,
    identity: { ...record, chainId: options.chainId ?? id },
    invokeCalls: record.invokeCalls,
    progressMessage: null,
    unsubscribed: false,
    unsubscribe: () => {
      tracked.unsubscribed = true;
    },
  };
  return tracked;
}

function setUp(keep: number, busy: (chainId: string) => boolean = () => false) {
  const live = new Map<string, Tracked>();
  const records = createRecordsCache();
  const ended = createEndedEvents({ live, records, clock: pageClock, busy, keep });
  const add = (tracked: Tracked, mirrored = true): void => {
    live.set(tracked.identity.id, tracked);
    if (mirrored) records.upsert([makeRecord({ id: tracked.identity.id })], 'newer');
    ended.changed(tracked.identity.id);
  };
  return { live, records, add };
}

describe('ended events', () => {
  test('the last `keep` ended events stay; older ones are let go and unsubscribed', () => {
    const { live, add } = setUp(2);
    const events = ['a', 'b', 'c', 'd'].map((id) => endedEvent(id));
    for (const event of events) add(event);
    expect([...live.keys()]).toEqual(['c', 'd']);
    expect(events.map((event) => event.unsubscribed)).toEqual([true, true, false, false]);
  });

  test('an event whose last change is not mirrored yet is kept until it is', () => {
    const { live, records, add } = setUp(1);
    add(endedEvent('a'), false);
    add(endedEvent('b'));
    expect(live.has('a')).toBe(true);
    records.upsert([makeRecord({ id: 'a' })], 'newer');
    add(endedEvent('c'));
    add(endedEvent('d'));
    expect(live.has('a')).toBe(false);
  });

  test('kept: events on a lesson clock, of kinds the catalogue cannot make, in a retry run', () => {
    const { live, add } = setUp(0, (chainId) => chainId === 'running');
    add(endedEvent('lesson', { clock: { now: () => 42 } }));
    add(endedEvent('custom', { kind: 'my-own-kind' }));
    add(endedEvent('retried', { chainId: 'running' }));
    add(endedEvent('plain'));
    expect([...live.keys()]).toEqual(['lesson', 'custom', 'retried']);
  });

  test('a running event is never let go', () => {
    const { live } = setUp(0);
    const running = endedEvent('running');
    (running.event as unknown as { isTerminal: boolean }).isTerminal = false;
    live.set('running', running);
    const ended = createEndedEvents({
      live,
      records: createRecordsCache(),
      clock: pageClock,
      busy: () => false,
      keep: 0,
    });
    ended.changed('running');
    expect(live.has('running')).toBe(true);
  });
});

describe('acting on an ended event whose object was let go', () => {
  test('invoke again counts the call, cancel says it ended, retry fresh makes the next attempt', async () => {
    const clock: Clock = { now: () => Date.now() };
    const harness = createTestStore({ clock });
    const { store } = harness;
    const count = ENDED_EVENTS_KEPT + 10;
    const launched = await store.getState().launch('failing', {}, count);
    if (!launched.ok) throw new Error('launch failed');
    const [first = ''] = launched.ids;
    for (let round = 0; round < 50 && store.records.counts().failed < count; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      harness.flush();
    }
    harness.flush();
    expect(store.records.counts().failed).toBe(count);
    const before = store.records.get(first);

    expect(await store.getState().invoke(first, 2)).toEqual({ ok: true });
    expect(store.records.get(first)?.invokeCalls).toBe((before?.invokeCalls ?? 0) + 2);
    expect(store.records.get(first)?.status).toBe('failed');

    expect(store.getState().cancel(first, 'late')).toEqual({
      ok: false,
      error: expect.stringContaining('has already ended (failed)') as unknown,
    });
    expect(store.getState().skip(first, 'late')).toEqual({
      ok: false,
      error: expect.stringContaining('only a pending event can be skipped') as unknown,
    });

    const retried = store.getState().retryFresh(first);
    if (!retried.ok) throw new Error(retried.error);
    const fresh = store.records.get(retried.id);
    expect(fresh).toMatchObject({ attempt: 2, chainId: first, originalId: first, source: 'live' });
    expect(store.getState().clockOf(first)).toBe(clock);
  });
});
