import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEvent } from '../functionEvent.ts';
import { connectToDashboard, type Bridge, type BridgeProblem } from './connectToDashboard.ts';
import type { BridgeBatch } from './protocol.ts';

/** A receiver in memory: answers `fetch` the way the real one does, as the test says. */
function fakeReceiver() {
  const batches: BridgeBatch[] = [];
  const controls: ReadableStreamDefaultController<Uint8Array>[] = [];
  const state = { eventsStatus: 200, reachable: true, authorization: '', eventsDelayMs: 0 };
  const fetch = vi.fn((input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    state.authorization = new Headers(init?.headers).get('authorization') ?? '';
    if (!state.reachable) return Promise.reject(new TypeError('fetch failed'));
    if (url.endsWith('/api/bridge/events')) {
      if (state.eventsStatus === 200) batches.push(JSON.parse(init?.body as string) as BridgeBatch);
      const response = Response.json(
        state.eventsStatus === 200 ? { accepted: 1, duplicates: 0 } : { error: 'bad batch' },
        { status: state.eventsStatus },
      );
      if (state.eventsDelayMs === 0) return Promise.resolve(response);
      return new Promise((resolve) => setTimeout(() => resolve(response), state.eventsDelayMs));
    }
    if (url.endsWith('/api/bridge/control')) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controls.push(controller);
        },
      });
      init?.signal?.addEventListener('abort', () => {
        try {
          body.cancel().catch(() => undefined);
        } catch {
          // already closed
        }
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    }
    return Promise.resolve(Response.json({ error: 'no such path' }, { status: 404 }));
  });
  const send = (line: unknown): void => {
    controls.at(-1)?.enqueue(new TextEncoder().encode(`${JSON.stringify(line)}\n`));
  };
  const updates = () => batches.flatMap((batch) => batch.updates);
  return { fetch, batches, updates, state, send };
}

/**
 * Runs `connectIt` as if in a browser page at `origin`: the bridge reads where it runs when
 * it connects, from `process.versions.node` and `location`.
 */
function asBrowserPage<T>(origin: string, connectIt: () => T): T {
  // src/lib is typed without Node's globals: its process, as far as this needs it.
  const node = (globalThis as unknown as { process: object }).process;
  const versions = Object.getOwnPropertyDescriptor(node, 'versions');
  vi.stubGlobal('location', { host: new URL(origin).host, origin });
  Object.defineProperty(node, 'versions', { value: {}, configurable: true });
  try {
    return connectIt();
  } finally {
    if (versions !== undefined) Object.defineProperty(node, 'versions', versions);
    vi.unstubAllGlobals();
  }
}

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

let receiver: ReturnType<typeof fakeReceiver>;
let bridge: Bridge | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  receiver = fakeReceiver();
});

afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  vi.useRealTimers();
});

const connect = (options: Partial<Parameters<typeof connectToDashboard>[0]> = {}): Bridge =>
  (bridge = connectToDashboard({
    url: 'http://127.0.0.1:5173/?token=secret',
    name: 'worker',
    fetch: receiver.fetch,
    ...options,
  }));

describe('connectToDashboard', () => {
  it('streams every event created after it connects, batched, with rising sequence numbers', async () => {
    connect();
    const first = createEvent(() => 1);
    const second = createEvent(() => 2);
    await first.invoke();
    await second.invoke();
    await vi.advanceTimersByTimeAsync(50);

    expect(receiver.batches).toHaveLength(1);
    const [batch] = receiver.batches;
    expect(batch?.source).toMatchObject({ name: 'worker', runtime: 'node' });
    expect(typeof batch?.source.pid).toBe('number');
    expect(
      batch?.updates.map((update) => [update.event.id, update.event.execution.status]),
    ).toEqual([
      [first.id, 'completed'],
      [second.id, 'completed'],
    ]);
    expect(batch?.updates.map((update) => update.seq)).toEqual([1, 2]);
    expect(batch?.updates[0]?.notifications.map((n) => n.type === 'transition' && n.to)).toEqual([
      'processing',
      'completed',
    ]);
    expect(receiver.state.authorization).toBe('Bearer secret');
  });

  it('with watch "none" sends only the events it is given', async () => {
    const chosen = connect({ watch: 'none' });
    const ignored = createEvent(() => 'ignored');
    const watched = createEvent(() => 'watched');
    chosen.watch(watched);
    await Promise.all([ignored.invoke(), watched.invoke()]);
    await vi.advanceTimersByTimeAsync(50);

    expect(receiver.updates().map((update) => update.event.id)).toEqual([watched.id]);
    expect(receiver.updates()[0]?.params).toEqual({ timeout: null });
  });

  it("reports an event that continues an earlier run's under that event's id, never its own", async () => {
    connect();
    const resumed = createEvent(() => 'done');
    bridge?.watch(resumed, { continues: 'earlier-run-event' });
    await resumed.invoke();
    await vi.advanceTimersByTimeAsync(50);

    expect(
      receiver.updates().map((update) => [update.event.id, update.event.execution.status]),
    ).toEqual([['earlier-run-event', 'completed']]);
  });

  it('names its source by name and host, so a restarted process is the same source', () => {
    const first = connect({ instance: 'a' }).source;
    const again = connectToDashboard({
      url: 'http://127.0.0.1:5173/?token=secret',
      name: 'worker',
      instance: 'a',
      fetch: receiver.fetch,
    });
    expect(again.source.key).toBe(first.key);
    expect(again.source.id).not.toBe(first.id);
    expect(first.key).toMatch(/^worker@.+#a$/);
    void again.close();
  });

  it('sends a batch too big for one request in halves, and loses none of it', async () => {
    connect({ maxBatchChars: 3_000 });
    const events = Array.from({ length: 8 }, (_, index) => createEvent(() => index));
    await Promise.all(events.map((event) => event.invoke()));
    await vi.advanceTimersByTimeAsync(200);

    expect(receiver.batches.length).toBeGreaterThan(1);
    for (const batch of receiver.batches) {
      expect(JSON.stringify(batch).length).toBeLessThanOrEqual(3_000);
    }
    expect(receiver.updates().map((update) => update.event.id)).toEqual(
      events.map((event) => event.id),
    );
  });

  it('cuts a backlog into requests without snapshotting events it then sends later', async () => {
    connect({ maxBatchChars: 20_000 });
    const events = Array.from({ length: 300 }, (_, index) => createEvent(() => index));
    const snapshots = events.map((event) => vi.spyOn(event, 'toDict'));
    await Promise.all(events.map((event) => event.invoke()));
    await vi.advanceTimersByTimeAsync(1_000);

    expect(receiver.updates().map((update) => update.event.id)).toEqual(
      events.map((event) => event.id),
    );
    const calls = snapshots.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    expect(calls).toBeLessThanOrEqual(events.length + receiver.batches.length);
  });

  it('starts a request at most every flushInterval, and at once after one that took longer', async () => {
    receiver.state.eventsDelayMs = 80;
    connect();
    await createEvent(() => 1).invoke();
    await vi.advanceTimersByTimeAsync(50); // the first request starts, and takes 80 ms
    expect(receiver.batches).toHaveLength(1);
    await createEvent(() => 2).invoke();
    await vi.advanceTimersByTimeAsync(80); // it ends: what waited goes now, not 50 ms later
    expect(receiver.batches).toHaveLength(2);

    receiver.state.eventsDelayMs = 10;
    await vi.advanceTimersByTimeAsync(80); // the second ends, with nothing waiting
    await createEvent(() => 3).invoke();
    await vi.advanceTimersByTimeAsync(50); // gathered 50 ms, sent: a request of 10 ms
    expect(receiver.batches).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2);
    await createEvent(() => 4).invoke(); // comes in during that request
    await vi.advanceTimersByTimeAsync(8 + 39); // it ends; 40 ms after it, not 50, the next
    expect(receiver.batches).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(receiver.batches).toHaveLength(4);
    expect(receiver.updates().map((update) => update.event.execution.response)).toEqual([
      1, 2, 3, 4,
    ]);
    await vi.advanceTimersByTimeAsync(10); // the last request ends before the bridge closes
  });

  it('buffers while the receiver is away and resends after a backoff', async () => {
    const problems: BridgeProblem[] = [];
    receiver.state.reachable = false;
    const connected = connect({
      onError: (problem) => problems.push(problem),
      backoff: { initial: 1_000, jitter: 0 },
    });
    const event = createEvent(() => 'done');
    await event.invoke();
    await vi.advanceTimersByTimeAsync(50);
    expect(receiver.batches).toHaveLength(0);
    expect(connected.stats().buffered).toBe(1);
    expect(problems[0]?.kind).toBe('unreachable');

    receiver.state.reachable = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(receiver.updates().map((update) => update.event.id)).toEqual([event.id]);
    expect(receiver.updates()[0]?.event.execution.status).toBe('completed');
    expect(connected.stats()).toMatchObject({ buffered: 0, sent: 1, dropped: 0 });
  });

  it('reports the updates close() could not deliver, and still resolves', async () => {
    const problems: BridgeProblem[] = [];
    receiver.state.reachable = false;
    const closing = connect({ onError: (problem) => problems.push(problem) });
    await createEvent(() => 1).invoke();
    await createEvent(() => 2).invoke();
    await vi.advanceTimersByTimeAsync(50);
    problems.length = 0;

    await expect(closing.close()).resolves.toBeUndefined();

    expect(problems).toEqual([
      {
        kind: 'unreachable',
        message:
          'closed with 2 updates not delivered: the receiver at http://127.0.0.1:5173/api/bridge cannot be reached: fetch failed',
      },
    ]);
    await closing.close();
    expect(problems).toHaveLength(1);
  });

  it('sends a backlog bigger than one request before close() resolves', async () => {
    const problems: BridgeProblem[] = [];
    const closing = connect({ maxBatch: 2, onError: (problem) => problems.push(problem) });
    const events = Array.from({ length: 5 }, (_, index) => createEvent(() => index));
    await Promise.all(events.map((event) => event.invoke()));

    await closing.close();

    expect(receiver.updates().map((update) => update.event.id)).toEqual(
      events.map((event) => event.id),
    );
    expect(problems).toEqual([]);
  });

  it('in a browser page on another origin, says the receiver must allow that origin', async () => {
    const problems: BridgeProblem[] = [];
    receiver.state.reachable = false;
    const page = asBrowserPage('http://localhost:3000', () =>
      connect({ onError: (problem) => problems.push(problem) }),
    );
    expect(page.source.runtime).toBe('browser');
    await createEvent(() => 1).invoke();
    await vi.advanceTimersByTimeAsync(50);

    expect(problems.map((problem) => problem.kind)).toContain('unreachable');
    for (const problem of problems) {
      expect(problem.message).toMatch(
        /cannot be reached: fetch failed\. This page \(http:\/\/localhost:3000\) is not on the dashboard's origin \(http:\/\/127\.0\.0\.1:5173\): the receiver must be started with --allow-origin http:\/\/localhost:3000$/,
      );
    }
  });

  it('drops the oldest events when its buffer is full and reports how many', async () => {
    receiver.state.reachable = false;
    const connected = connect({ maxBuffered: 3, backoff: { initial: 1_000, jitter: 0 } });
    const events = [];
    for (let index = 0; index < 5; index += 1) {
      const event = createEvent(() => index);
      events.push(event);
      await event.invoke();
    }
    expect(connected.stats()).toMatchObject({ buffered: 3, dropped: 2 });

    receiver.state.reachable = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(receiver.updates().map((update) => update.event.id)).toEqual(
      events.slice(2).map((event) => event.id),
    );
    expect(receiver.batches[0]?.dropped).toBe(2);
  });

  it('does not resend a batch the receiver refused as malformed', async () => {
    const problems: BridgeProblem[] = [];
    receiver.state.eventsStatus = 400;
    const connected = connect({ onError: (problem) => problems.push(problem) });
    await createEvent(() => 1).invoke();
    await vi.advanceTimersByTimeAsync(50);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(
      receiver.fetch.mock.calls.filter(([url]) => urlOf(url).endsWith('/events')),
    ).toHaveLength(1);
    expect(connected.stats()).toMatchObject({ rejected: 1, buffered: 0 });
    expect(problems[0]).toEqual({
      kind: 'rejected',
      message: 'the receiver refused 1 updates: 400 bad batch',
    });
  });

  it('runs a fresh attempt when the dashboard asks for a retry, if allowed', async () => {
    const connected = connect({ acceptRetries: true });
    let runs = 0;
    const failing = createEvent(() => {
      runs += 1;
      throw new Error('flaky');
    });
    await failing.invoke();
    await vi.advanceTimersByTimeAsync(50);
    expect(connected.source.capabilities).toEqual(['retry']);

    receiver.send({ type: 'retry', eventId: failing.id, copyMeta: false });
    await vi.advanceTimersByTimeAsync(50);

    expect(runs).toBe(2);
    const retry = receiver.updates().find((update) => update.event.id !== failing.id);
    expect(retry?.event.metadata).toMatchObject({ original: { id: failing.id }, attempt: 2 });
    expect(retry?.event.execution.status).toBe('failed');
  });

  it('refuses retry commands unless retries were allowed', async () => {
    const problems: BridgeProblem[] = [];
    connect({ onError: (problem) => problems.push(problem) });
    const event = createEvent(() => 1);
    await event.invoke();
    await vi.advanceTimersByTimeAsync(0);
    receiver.send({ type: 'retry', eventId: event.id, copyMeta: false });
    await vi.advanceTimersByTimeAsync(50);

    expect(problems.map((problem) => problem.kind)).toEqual(['command']);
    expect(receiver.updates()).toHaveLength(1);
  });

  it('reports itself connected while its control channel is open', async () => {
    const connected = connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(connected.stats().connected).toBe(true);
  });

  it('needs a token, from the URL or the options', () => {
    expect(() =>
      connectToDashboard({ url: 'http://127.0.0.1:5173/', name: 'worker', fetch: receiver.fetch }),
    ).toThrow(/no token/);
    expect(() => connectToDashboard({ url: 'not a url', name: 'w', token: 't' })).toThrow(
      /url must be the dashboard's address/,
    );
  });
});
