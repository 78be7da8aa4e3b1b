import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RemoteEventUpdate, RemoteSource } from '../../lib/bridge/protocol';
import scenariosText from '../../../tests/fixtures/lionherd-real/scenarios.json?raw';
import { createEventStore } from '../createEventStore';
import type { EventStore } from '../types';
import { connectReceiver, type EventSourceLike } from './connectReceiver';
import { remoteSourcesStore } from './remoteSourcesStore';

/** An `EventSource` the test speaks through. */
function fakeStream() {
  const listeners = new Map<string, (event: { data?: unknown }) => void>();
  const stream: EventSourceLike & { emit: (type: string, data: unknown) => void } = {
    addEventListener: (type, listener) => listeners.set(type, listener),
    close: () => undefined,
    onerror: null,
    onopen: null,
    emit: (type, data) => listeners.get(type)?.({ data: JSON.stringify(data) }),
  };
  return stream;
}

const worker = (connected: boolean, run = 1): RemoteSource => ({
  id: 'worker-1',
  run,
  name: 'worker',
  host: 'box',
  pid: 42,
  runtime: 'node',
  capabilities: ['retry'],
  kind: 'bridge',
  connected,
  connectedSince: 1,
  lastMessageAt: 2,
  dropped: 0,
});

function update(
  id: string,
  seq: number,
  status: 'processing' | 'completed' | 'failed',
  metadata: RemoteEventUpdate['event']['metadata'] = {},
  run = 1,
): RemoteEventUpdate {
  return {
    sourceId: 'worker-1',
    run,
    seq,
    kind: 'ChargeCard',
    notifications: [],
    transitions: [
      { status: 'pending', at: 1 },
      { status: 'processing', at: 2 },
      ...(status === 'processing' ? [] : [{ status, at: 3 }]),
    ],
    progress: null,
    progressMessage: null,
    event: {
      id,
      created_at: '2026-11-30T10:00:00.000Z',
      metadata,
      execution: {
        status,
        duration: status === 'processing' ? null : 0.001,
        response: null,
        error: status === 'failed' ? { error: 'Error', message: 'declined' } : null,
        retryable: status === 'processing' ? null : status === 'failed',
      },
    },
    verdict: null,
    params: {},
  };
}

let store: EventStore;
let stream: ReturnType<typeof fakeStream>;
let flushes: (() => void)[];
let close: () => void;

const flush = (): void => {
  while (flushes.length > 0) flushes.shift()?.();
};

/** (Re)connects the dashboard to a fresh fake stream, frames run by `flush()`. */
function connect(options: Partial<Parameters<typeof connectReceiver>[0]> = {}): void {
  stream = fakeStream();
  close = connectReceiver({
    store,
    token: 't',
    origin: 'http://127.0.0.1:1',
    openStream: () => stream,
    schedule: (run) => flushes.push(run),
    minInterval: 0,
    ...options,
  });
}

beforeEach(() => {
  store = createEventStore({ storage: null, schedule: () => undefined });
  flushes = [];
  connect();
});

afterEach(() => {
  close();
});

describe('connectReceiver', () => {
  it('shows remote events as records of their source, ignoring repeats by sequence number', () => {
    stream.emit('sources', [worker(true)]);
    stream.emit('updates', [update('a', 1, 'processing'), update('a', 2, 'completed')]);
    stream.emit('updates', [update('a', 2, 'completed'), update('a', 1, 'processing')]);
    flush();

    const record = store.records.get('a');
    expect(record).toMatchObject({
      status: 'completed',
      source: 'remote',
      remote: { sourceName: 'worker', seq: 2, disconnected: false, canRetry: true },
    });
    expect(store.records.order.toArray()).toEqual(['a']);
    expect(remoteSourcesStore.getState().duplicates).toBe(2);
  });

  it('marks running events "source disconnected" when their source goes, and clears it when it is back', () => {
    stream.emit('sources', [worker(true)]);
    stream.emit('updates', [update('running', 1, 'processing'), update('done', 2, 'completed')]);
    flush();
    stream.emit('sources', [worker(false)]);
    flush();
    expect(store.records.get('running')?.remote?.disconnected).toBe(true);
    expect(store.records.get('running')?.status).toBe('processing');
    expect(store.records.get('done')?.remote?.disconnected).toBe(false);

    stream.emit('sources', [worker(true)]);
    stream.emit('updates', [update('running', 3, 'completed')]);
    flush();
    expect(store.records.get('running')).toMatchObject({
      status: 'completed',
      remote: { disconnected: false },
    });
  });

  it('when a source goes, looks only at its events still running, however many ended', () => {
    stream.emit('sources', [worker(true)]);
    stream.emit('updates', [
      update('running', 1, 'processing'),
      update('ends', 2, 'processing'),
      ...Array.from({ length: 1_000 }, (_, n) => update(`done${String(n)}`, n + 3, 'completed')),
      update('ends', 2_000, 'failed'),
    ]);
    flush();
    const looked = vi.spyOn(store.records, 'get');
    stream.emit('sources', [worker(false)]);
    flush();
    expect(looked.mock.calls.map(([id]) => id)).toEqual(['running']);
    expect(store.records.get('running')?.remote?.disconnected).toBe(true);
    expect(store.records.get('ends')?.remote?.disconnected).toBe(false);
  });

  it('after a restart, marks the running events the new run has not reported "restarted", and continues those it resumes', () => {
    stream.emit('sources', [worker(true)]);
    stream.emit('updates', [update('resumed', 7, 'processing'), update('left', 8, 'processing')]);
    flush();
    stream.emit('sources', [worker(false)]);
    flush();
    expect(store.records.get('left')?.remote).toMatchObject({ disconnected: true });

    stream.emit('sources', [worker(true, 2)]);
    // The new run counts from 1 again: its update still supersedes the earlier run's seq 7.
    stream.emit('updates', [update('resumed', 1, 'completed', {}, 2)]);
    flush();
    expect(store.records.get('resumed')).toMatchObject({
      status: 'completed',
      remote: { disconnected: false },
    });
    expect(store.records.get('resumed')?.remote?.restarted).toBeUndefined();
    expect(store.records.get('left')).toMatchObject({
      status: 'processing',
      remote: { disconnected: false, restarted: true },
    });

    stream.emit('updates', [update('resumed', 9, 'processing')]);
    flush();
    expect(store.records.get('resumed')?.status).toBe('completed');
  });

  it('links a fresh attempt to its original in one chain', () => {
    stream.emit('sources', [worker(true)]);
    stream.emit('updates', [update('first', 1, 'failed')]);
    stream.emit('updates', [
      update('second', 2, 'completed', {
        original: { id: 'first', created_at: '2026-11-30T10:00:00.000Z' },
        attempt: 2,
      }),
    ]);
    flush();
    expect(store.records.get('second')).toMatchObject({
      originalId: 'first',
      chainId: 'first',
      attempt: 2,
    });
  });

  it('reads lionherd records as the import does: an ExceptionGroup becomes an AggregateError', () => {
    const scenarios = JSON.parse(scenariosText) as RemoteEventUpdate['event'][];
    const group = scenarios[9];
    if (group === undefined) throw new Error('fixture changed');
    stream.emit('updates', [
      {
        ...update(group.id, 1, 'failed'),
        sourceId: 'lionherd:py',
        event: group,
        format: 'lionherd',
      },
    ]);
    flush();
    const record = store.records.get(group.id);
    expect(record?.execution.error?.error).toBe('AggregateError');
    expect(record?.kind).toBe('RaisingEvent');
    expect(record?.remote?.sourceName).toBe('lionherd:py');
  });

  it('applies a steady stream at most once per interval, gathering what came meanwhile', () => {
    vi.useFakeTimers();
    close();
    connect({ minInterval: 100, now: () => Date.now() });
    stream.emit('updates', [update('e1', 1, 'completed')]);
    flush();
    stream.emit('updates', [update('e2', 2, 'completed')]);
    stream.emit('updates', [update('e3', 3, 'completed')]);
    expect(flushes).toHaveLength(0);
    vi.advanceTimersByTime(99);
    expect(flushes).toHaveLength(0);
    vi.advanceTimersByTime(1);
    flush();
    expect(store.records.order.toArray()).toEqual(['e3', 'e2', 'e1']);
    vi.useRealTimers();
  });

  it('by default applies updates at the next frame, with no interval to wait out', () => {
    vi.useFakeTimers();
    close();
    connect({ minInterval: undefined, now: () => Date.now() });
    stream.emit('updates', [update('e1', 1, 'completed')]);
    flush();
    stream.emit('updates', [update('e2', 2, 'completed')]);
    // Asked for at once: a frame, not a timer, stands between the update and the store.
    expect(flushes).toHaveLength(1);
    flush();
    expect(store.records.order.toArray()).toEqual(['e2', 'e1']);
    vi.useRealTimers();
  });

  it('takes only the latest list of sources, once per flush', () => {
    const states: number[] = [];
    const unsubscribe = remoteSourcesStore.subscribe(() => states.push(states.length));
    stream.emit('sources', [worker(true)]);
    stream.emit('updates', [update('running', 1, 'processing')]);
    stream.emit('sources', [{ ...worker(true), lastMessageAt: 3 }]);
    stream.emit('sources', [{ ...worker(false), lastMessageAt: 4 }]);
    expect(states).toHaveLength(0);
    flush();
    unsubscribe();
    expect(states).toHaveLength(1);
    expect(remoteSourcesStore.getState().sources['worker-1']).toMatchObject({
      connected: false,
      lastMessageAt: 4,
    });
    expect(store.records.get('running')?.remote?.disconnected).toBe(true);
  });

  it('stops turning updates into records when a flush has used its time, and goes on at the next frame', () => {
    close();
    let clock = 0;
    connect({ flushBudget: 8, now: () => (clock += 5), minInterval: 1_000 });
    stream.emit(
      'updates',
      Array.from({ length: 200 }, (_, n) => update(`e${String(n)}`, n + 1, 'completed')),
    );
    flushes.shift()?.();
    const first = store.records.order.toArray().length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(200);
    expect(flushes).toHaveLength(1);
    flush();
    expect(store.records.order.toArray()).toHaveLength(200);
  });

  it('takes per flush as many updates as the last large flush says fit in its frame budget', async () => {
    close();
    // Each record listed costs 0.1 ms of the frame, and a flush has 20 ms.
    let clock = 0;
    let listed = 0;
    const unsubscribe = store.records.subscribe(() => {
      const now = store.records.order.toArray().length;
      clock += (now - listed) * 0.1;
      listed = now;
    });
    connect({ frameBudget: 20, flushBudget: 1_000, now: () => clock, maxPerFlush: 500 });
    stream.emit(
      'updates',
      Array.from({ length: 1_000 }, (_, n) => update(`e${String(n)}`, n + 1, 'completed')),
    );
    const sizes: number[] = [];
    while (flushes.length > 0) {
      const before = listed;
      flushes.shift()?.();
      // The cost is read after the renders the store update scheduled, in a microtask.
      await Promise.resolve();
      sizes.push(listed - before);
    }
    unsubscribe();
    // Knowing nothing yet, the first flush takes `maxPerFlush`; they cost 50 ms, so the next
    // ones take what fits in 20 ms.
    expect(sizes).toEqual([500, 200, 200, 100]);
  });

  it('parses stream messages in the flush, only as many as it takes', () => {
    close();
    connect({ maxPerFlush: 150 });
    const parse = vi.spyOn(JSON, 'parse');
    for (const batch of [0, 1, 2]) {
      stream.emit(
        'updates',
        Array.from({ length: 100 }, (_, n) =>
          update(`e${String(batch * 100 + n)}`, batch * 100 + n + 1, 'completed'),
        ),
      );
    }
    expect(parse).not.toHaveBeenCalled();
    flushes.shift()?.();
    expect(parse).toHaveBeenCalledTimes(2);
    expect(store.records.order.toArray()).toHaveLength(150);
    flush();
    expect(parse).toHaveBeenCalledTimes(3);
    expect(store.records.order.toArray()).toHaveLength(300);
    parse.mockRestore();
  });

  it('turns a flood into records a bounded number at a time, one store update per frame', () => {
    close();
    connect({ maxPerFlush: 2 });
    stream.emit(
      'updates',
      [1, 2, 3, 4, 5].map((n) => update(`e${String(n)}`, n, 'completed')),
    );
    flushes.shift()?.();
    expect(store.records.order.toArray()).toHaveLength(2);
    flush();
    expect(store.records.order.toArray()).toHaveLength(5);
  });
});
