import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectToDashboard, type Bridge } from '../../src/lib/bridge/index.ts';
import type { BridgeBatch } from '../../src/lib/bridge/protocol.ts';
import { createEvent } from '../../src/lib/functionEvent.ts';
import { eventually } from '../../tests/support/eventually.ts';
import { MESSAGE_UPDATES } from './receiver.ts';
import { listenToStream, startTestReceiver, type TestReceiver } from './testServer.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../tests/fixtures/lionherd-real/${name}`, import.meta.url), 'utf8');

let running: TestReceiver | undefined;
let bridge: Bridge | undefined;

afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  await running?.close();
  running = undefined;
});

async function start(options: Parameters<typeof startTestReceiver>[0] = {}): Promise<TestReceiver> {
  running = await startTestReceiver(options);
  return running;
}

function batchOf(
  eventId: string,
  seq: number,
  status = 'completed',
  run: { id: string; pid: number } = { id: 'source-1', pid: 7 },
): BridgeBatch {
  return {
    protocol: 1,
    source: {
      id: run.id,
      key: 'worker@box',
      name: 'worker',
      host: 'box',
      pid: run.pid,
      runtime: 'node',
      capabilities: [],
    },
    dropped: 0,
    updates: [
      {
        seq,
        kind: 'FunctionEvent',
        notifications: [],
        transitions: [{ status: 'pending', at: 1 }],
        progress: null,
        progressMessage: null,
        event: {
          id: eventId,
          created_at: '2026-11-30T10:00:00.000Z',
          metadata: {},
          execution: { status, duration: 0.1, response: 1, error: null, retryable: false },
        },
        verdict: null,
        params: {},
      },
    ],
  } as BridgeBatch;
}

describe('the receiver', () => {
  it('streams what a bridge sends to a dashboard, live', async () => {
    const { url, origin, receiver } = await start();
    const dashboard = await listenToStream(`${origin}/api/bridge/stream?token=${receiver.token}`);
    bridge = connectToDashboard({ url, name: 'worker', watch: 'none' });
    const event = createEvent(() => 'done');
    bridge.watch(event);
    await event.invoke();
    await bridge.flush();

    await eventually(() => {
      expect(dashboard.updates.at(-1)?.event.execution.status).toBe('completed');
    });
    expect(dashboard.updates.at(-1)).toMatchObject({
      sourceId: bridge.source.key,
      run: 1,
      kind: 'FunctionEvent',
    });
    await eventually(() => {
      expect(dashboard.sources.at(-1)?.[0]).toMatchObject({
        name: 'worker',
        connected: true,
        kind: 'bridge',
      });
    });
    dashboard.stop();
  });

  it('replays what it kept to a dashboard that connects later', async () => {
    const { origin, receiver, post } = await start();
    await post('events', batchOf('e-1', 1));
    const dashboard = await listenToStream(`${origin}/api/bridge/stream?token=${receiver.token}`);
    await eventually(() => {
      expect(dashboard.updates.map((update) => update.event.id)).toEqual(['e-1']);
    });
    dashboard.stop();
  });

  it('replays, after a broadcast, exactly the updates it broadcast, and the latest of each event', async () => {
    const { origin, receiver, post } = await start({ broadcastInterval: 5 });
    const streamUrl = `${origin}/api/bridge/stream?token=${receiver.token}`;
    const first = await listenToStream(streamUrl);
    await post('events', batchOf('e-1', 1, 'processing'));
    await post('events', batchOf('e-2', 1));
    await eventually(() => {
      expect(first.updates).toHaveLength(2);
    });
    await post('events', batchOf('e-1', 2));
    await post('events', batchOf('e-1', 1, 'failed')); // a repeat of an older seq: ignored
    await eventually(() => {
      expect(first.updates).toHaveLength(3);
    });

    const later = await listenToStream(streamUrl);
    await eventually(() => {
      expect(later.updates).toHaveLength(2);
    });
    expect(later.updates).toEqual([first.updates[1], first.updates[2]]);
    expect(receiver.events()).toEqual(later.updates);
    first.stop();
    later.stop();
  });

  it('keeps taking posts while it replays thousands of events, and sends what they brought after', async () => {
    const { origin, receiver, post } = await start({ broadcastInterval: 5 });
    const many = batchOf('e-0', 1, 'processing');
    const [template] = many.updates;
    if (template === undefined) throw new Error('batchOf changed');
    many.updates = Array.from({ length: 3_500 }, (_, index) => ({
      ...template,
      event: { ...template.event, id: `e-${String(index)}` },
    }));
    await post('events', many);

    const dashboard = await listenToStream(`${origin}/api/bridge/stream?token=${receiver.token}`);
    const answer = await post('events', batchOf('e-0', 2));
    expect(await answer.json()).toEqual({ accepted: 1, duplicates: 0 });
    await eventually(() => {
      expect(dashboard.updates).toHaveLength(3_501);
    });
    const last = dashboard.updates.at(-1);
    expect([last?.event.id, last?.seq, last?.event.execution.status]).toEqual([
      'e-0',
      2,
      'completed',
    ]);
    expect(new Set(dashboard.updates.map((update) => update.event.id)).size).toBe(3_500);
    dashboard.stop();
  });

  it('sends the dashboards one update per event per broadcast, the latest, with every notification', async () => {
    // Long enough for the three posts to land in one broadcast, even on a busy machine.
    const { origin, receiver, post } = await start({ broadcastInterval: 1_000 });
    const dashboard = await listenToStream(`${origin}/api/bridge/stream?token=${receiver.token}`);
    const started = batchOf('e-1', 1, 'processing');
    const ended = batchOf('e-1', 2, 'completed');
    const [first] = started.updates;
    const [second] = ended.updates;
    if (first === undefined || second === undefined) throw new Error('batchOf changed');
    const toProcessing = { type: 'transition', from: 'pending', to: 'processing', at: 2 } as const;
    const toCompleted = { type: 'transition', from: 'processing', to: 'completed', at: 3 } as const;
    first.notifications = [toProcessing];
    second.notifications = [toCompleted];
    second.transitions = [...first.transitions, { status: 'completed', at: 3 }];
    await post('events', started);
    await post('events', batchOf('e-2', 1));
    await post('events', ended);
    await vi.waitFor(
      () => {
        expect(dashboard.updates).toHaveLength(2);
      },
      { timeout: 3_000 },
    );
    expect(dashboard.updates.map((update) => [update.event.id, update.seq])).toEqual([
      ['e-2', 1],
      ['e-1', 2],
    ]);
    expect(dashboard.updates[1]?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'completed',
    ]);
    expect(dashboard.updates[1]?.notifications).toEqual([toProcessing, toCompleted]);
    dashboard.stop();
  });

  it('sends a broadcast of many updates in messages of at most MESSAGE_UPDATES, so each parses quickly', async () => {
    const { origin, receiver, post } = await start({ broadcastInterval: 1_000 });
    const response = await fetch(`${origin}/api/bridge/stream?token=${receiver.token}`);
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    const batch = batchOf('e-0', 1);
    const [template] = batch.updates;
    if (template === undefined) throw new Error('batchOf changed');
    const count = MESSAGE_UPDATES * 2 + 3;
    batch.updates = Array.from({ length: count }, (_, index) => ({
      ...template,
      event: { ...template.event, id: `e-${String(index)}` },
    }));
    await post('events', batch);
    let raw = '';
    const sizes = (): number[] =>
      [...raw.matchAll(/^event: updates\ndata: (.*)$/gm)].map(
        (match) => (JSON.parse(match[1] ?? '[]') as unknown[]).length,
      );
    await vi.waitFor(
      async () => {
        const chunk = await reader?.read();
        raw += chunk?.value ?? '';
        expect(sizes().reduce((sum, size) => sum + size, 0)).toBe(count);
      },
      { timeout: 3_000 },
    );
    await reader?.cancel();
    expect(sizes()).toEqual([MESSAGE_UPDATES, MESSAGE_UPDATES, 3]);
  });

  it("names the receiver's source and run on every update, whatever the posted update says", async () => {
    const { origin, receiver, post } = await start();
    const spoofed = batchOf('e-1', 1);
    Object.assign(spoofed.updates[0] ?? {}, { sourceId: 'not-this', run: 99 });
    await post('events', spoofed);
    const dashboard = await listenToStream(`${origin}/api/bridge/stream?token=${receiver.token}`);
    await eventually(() => {
      expect(dashboard.updates).toHaveLength(1);
    });
    expect(dashboard.updates[0]).toMatchObject({ sourceId: 'worker@box', run: 1 });
    expect(receiver.events()[0]).toMatchObject({ sourceId: 'worker@box', run: 1 });
    dashboard.stop();
  });

  it('ignores a batch it has seen (same event, same sequence number)', async () => {
    const { post, receiver } = await start();
    expect(await (await post('events', batchOf('e-1', 4))).json()).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect(await (await post('events', batchOf('e-1', 4))).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    expect(await (await post('events', batchOf('e-1', 3, 'failed'))).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    expect(receiver.events().map((update) => update.event.execution.status)).toEqual(['completed']);
  });

  it("takes a restarted process as the same source, its updates superseding the earlier run's", async () => {
    const { post, receiver } = await start();
    await post('events', batchOf('e-1', 9, 'processing'));
    const restarted = { id: 'source-2', pid: 8 };
    expect(await (await post('events', batchOf('e-1', 1, 'completed', restarted))).json()).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    // The earlier run, late, cannot undo what the later one said.
    expect(await (await post('events', batchOf('e-1', 10, 'failed'))).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    expect(receiver.sources()).toEqual([
      expect.objectContaining({ id: 'worker@box', run: 2, pid: 8, name: 'worker' }),
    ]);
    expect(receiver.events()).toEqual([
      expect.objectContaining({ sourceId: 'worker@box', run: 2, seq: 1 }),
    ]);
  });

  it('keeps a bridge process of one name on one host one source across restarts, and tells instances apart', async () => {
    const { url, receiver } = await start();
    bridge = connectToDashboard({ url, name: 'worker', watch: 'none' });
    await eventually(() => {
      expect(receiver.sources()[0]?.connected).toBe(true);
    });
    await bridge.close();
    bridge = connectToDashboard({ url, name: 'worker', watch: 'none' });
    await eventually(() => {
      expect(receiver.sources()).toEqual([expect.objectContaining({ connected: true, run: 2 })]);
    });
    const other = connectToDashboard({ url, name: 'worker', instance: '2', watch: 'none' });
    await eventually(() => {
      expect(receiver.sources().map((source) => source.id)).toEqual([
        bridge?.source.key,
        other.source.key,
      ]);
    });
    expect(other.source.key).toMatch(/^worker@.+#2$/);
    await other.close();
  });

  it('keeps the run started last as the source when two runs share a key, and tells the earlier why', async () => {
    const { url, receiver } = await start();
    const problems: string[] = [];
    bridge = connectToDashboard({
      url,
      name: 'worker',
      watch: 'none',
      backoff: { initial: 10, jitter: 0 },
      onError: (problem) => problems.push(problem.message),
    });
    await eventually(() => {
      expect(receiver.sources()[0]?.connected).toBe(true);
    });
    const later = connectToDashboard({ url, name: 'worker', watch: 'none' });
    await eventually(() => {
      expect(problems.join('\n')).toContain('a later run of source');
    });
    expect(receiver.sources()).toEqual([
      expect.objectContaining({ connected: true, run: 2, id: later.source.key }),
    ]);
    await later.close();
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const { origin, post } = await start();
    const missing = await fetch(`${origin}/api/bridge/events`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: expect.stringMatching(/^missing token/) as unknown,
    });
    const wrong = await post('events', batchOf('e-1', 1), { authorization: 'Bearer guess' });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${origin}/api/bridge/stream`)).status).toBe(401);
  });

  it('refuses cross-site browser requests, even with the token', async () => {
    const { post, receiver } = await start();
    const foreign = await post('events', batchOf('e-1', 1), { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("origin 'http://evil.example' is not allowed");
    const crossSite = await post('events', batchOf('e-1', 1), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(receiver.events()).toEqual([]);
  });

  it('accepts a browser app from an allowed origin, with CORS headers', async () => {
    const { post } = await start({ allowedOrigins: ['http://localhost:3000'] });
    const allowed = await post('events', batchOf('e-1', 1), { origin: 'http://localhost:3000' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('answers a malformed batch with what is wrong and where, and changes nothing', async () => {
    const { post, receiver } = await start();
    const batch = batchOf('e-1', 1);
    (batch.updates[0]?.event.execution as { status: string }).status = 'done';
    const response = await post('events', batch);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error:
        'malformed batch, nothing was changed: updates[0].event.execution.status: expected one of pending|processing|completed|failed|cancelled|skipped|aborted, got "done"',
    });
    const notJson = await post('events', '{"protocol":');
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).toContain('the body is not JSON');
    expect(receiver.events()).toEqual([]);
    expect(receiver.sources()).toEqual([]);
  });

  it('refuses data nested deeper than the dashboard reads, and keeps serving', async () => {
    const { origin, post, receiver } = await start();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const batch = JSON.stringify(batchOf('e-deep', 1)).replace(
      '"params":{}',
      `"params":{"a":${deep}}`,
    );
    const response = await post('events', batch);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error:
        'malformed batch, nothing was changed: updates[0].params.a[0][0][0][0][0][0]…: nested deeper than 500 levels, more than the dashboard reads',
    });
    const [first] = JSON.parse(fixture('scenarios.json')) as unknown[];
    const record = JSON.stringify(first).replace(/"response":[^,]*,/, `"response":${deep},`);
    const lionherd = await post('lionherd?source=deep', record);
    expect(lionherd.status).toBe(400);
    expect(await lionherd.text()).toContain(
      '[0].execution.response[0][0][0][0][0][0]…: nested deeper than 500 levels',
    );
    expect(receiver.events()).toEqual([]);
    // The receiver still answers: nothing it kept had to be serialized and overflowed.
    const dashboard = await listenToStream(`${origin}/api/bridge/stream?token=${receiver.token}`);
    expect((await post('events', batchOf('e-1', 1))).status).toBe(200);
    await eventually(() => {
      expect(dashboard.updates.map((update) => update.event.id)).toEqual(['e-1']);
    });
    dashboard.stop();
  });

  it('refuses a body over the size limit', async () => {
    const { post, receiver } = await start({ maxBodyBytes: 1_000 });
    const response = await post('events', { padding: 'x'.repeat(2_000) });
    expect(response.status).toBe(413);
    expect(receiver.events()).toEqual([]);
  });

  it('limits how many requests a source may send per second', async () => {
    const { post } = await start({ requestsPerSecond: 2 });
    const statuses: number[] = [];
    for (let seq = 1; seq <= 6; seq += 1)
      statuses.push((await post('events', batchOf('e', seq))).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
  });

  it('marks a source disconnected when its control channel closes', async () => {
    const { url, receiver } = await start();
    bridge = connectToDashboard({ url, name: 'worker', watch: 'none' });
    await eventually(() => {
      expect(receiver.sources()[0]?.connected).toBe(true);
    });
    await bridge.close();
    await eventually(() => {
      expect(receiver.sources()[0]?.connected).toBe(false);
    });
  });

  it('delivers a retry command to a source that accepts retries', async () => {
    const { url, post, receiver } = await start();
    bridge = connectToDashboard({ url, name: 'worker', watch: 'none', acceptRetries: true });
    let runs = 0;
    const event = createEvent(() => {
      runs += 1;
      throw new Error('flaky');
    });
    bridge.watch(event);
    await event.invoke();
    await eventually(() => {
      expect(receiver.sources()[0]?.connected).toBe(true);
    });
    const sourceId = bridge.source.key;
    const response = await post('commands', {
      sourceId,
      command: { type: 'retry', eventId: event.id, copyMeta: false },
    });
    expect(response.status).toBe(202);
    await eventually(() => {
      expect(runs).toBe(2);
    });
  });

  it('refuses a command for a source that does not accept retries', async () => {
    const { url, post, receiver } = await start();
    bridge = connectToDashboard({ url, name: 'worker', watch: 'none' });
    await eventually(() => {
      expect(receiver.sources()[0]?.connected).toBe(true);
    });
    const response = await post('commands', {
      sourceId: bridge.source.key,
      command: { type: 'retry', eventId: 'x', copyMeta: false },
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "source 'worker' does not accept retries" });
  });
});

describe('the receiver, for lionherd-core records', () => {
  it('merges repeated snapshots of one event, sent as JSON Lines, into one timeline', async () => {
    const { post, receiver } = await start();
    const records = JSON.parse(fixture('records-same-event-twice.json')) as unknown[];
    const lines = records.map((record) => JSON.stringify(record)).join('\n');
    const response = await post('lionherd?source=python-worker', lines, {
      'content-type': 'application/x-ndjson',
    });
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0 });

    const [update] = receiver.events();
    expect(receiver.events()).toHaveLength(1);
    expect(update?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
    expect(update?.event.execution).toMatchObject({ status: 'completed', response: 'done' });
    expect(update?.format).toBe('lionherd');
    expect(update?.kind).toBe('SnapshotEvent');
    expect(receiver.sources()[0]).toMatchObject({
      name: 'python-worker',
      kind: 'lionherd',
      runtime: 'python',
    });
  });

  it('keeps a finished event finished when an older snapshot of it arrives late', async () => {
    const { post, receiver } = await start();
    const [processing, completed] = JSON.parse(
      fixture('records-same-event-twice.json'),
    ) as unknown[];
    expect((await post('lionherd?source=python-worker', [processing, completed])).status).toBe(200);
    const late = await post('lionherd?source=python-worker', processing);
    expect(await late.json()).toEqual({ accepted: 0, duplicates: 1 });
    const lateElsewhere = await post('lionherd?source=another-worker', processing);
    expect(await lateElsewhere.json()).toEqual({ accepted: 0, duplicates: 1 });

    const [update] = receiver.events();
    expect(receiver.events()).toHaveLength(1);
    expect(update?.event.execution).toMatchObject({ status: 'completed', response: 'done' });
    expect(update?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
  });

  it('reads a JSON array of the real lionherd scenarios, exception groups included', async () => {
    const { post, receiver } = await start();
    const response = await post('lionherd?source=scenarios', fixture('scenarios.json'));
    expect(await response.json()).toEqual({ accepted: 20, duplicates: 0 });
    const group = receiver
      .events()
      .find((update) => update.event.execution.error?.error === 'ExceptionGroup');
    expect(group?.event.execution.error?.exceptions).toHaveLength(3);
  });

  it.each([
    [
      'created_at',
      '2026-11-20T09:30:00.157000',
      'expected an ISO 8601 timestamp with a UTC offset',
    ],
    [
      'created_at',
      '0001-01-01T00:00:00+00:00',
      'expected a time between 1970 and the end of year 9999',
    ],
    ['execution.duration', 1e300, 'that ends before the end of year 9999'],
    ['execution.duration', '1e309', 'that ends before the end of year 9999'],
    ['execution.error.details', 'none', 'expected an object'],
  ])(
    'refuses a record the dashboard cannot read (%s %s), saying why',
    async (field, value, why) => {
      const { post, receiver } = await start();
      const [first] = JSON.parse(fixture('scenarios.json')) as Record<string, unknown>[];
      const record = {
        ...first,
        created_at: field === 'created_at' ? value : first?.created_at,
        execution: {
          status: 'failed',
          duration: field === 'execution.duration' ? '<duration>' : 1,
          response: null,
          error: {
            error: 'ValueError',
            message: 'bad',
            details: field === 'execution.error.details' ? value : {},
          },
          retryable: false,
        },
      };
      // 1e309 is valid JSON that parses to Infinity: it must be sent as written.
      const body = JSON.stringify(record).replace('"<duration>"', String(value));
      const response = await post('lionherd?source=strict', body);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toContain(`[0].${field}: `);
      expect(text).toContain(why);
      expect(receiver.events()).toEqual([]);
    },
  );

  it('reads a body that starts with a byte order mark, as the dashboard reads such a file', async () => {
    const { post, receiver } = await start();
    const response = await post('lionherd?source=windows', `\uFEFF${fixture('scenarios.json')}`);
    expect(await response.json()).toEqual({ accepted: 20, duplicates: 0 });
    const batch = await post('events', `\uFEFF${JSON.stringify(batchOf('e-bom', 1))}`);
    expect(batch.status).toBe(200);
    expect(receiver.events()).toHaveLength(21);
  });

  it('refuses a body whose bytes are not UTF-8, saying where, rather than keep U+FFFD', async () => {
    const { post, receiver } = await start();
    const text = fixture('scenarios.json');
    const utf8 = new TextEncoder().encode(text);
    // A Latin-1 "é" (one byte, 0xE9), as a file saved in the wrong encoding has it.
    const at = utf8.indexOf(0x0a) + 2;
    const latin1 = Uint8Array.from([...utf8.subarray(0, at), 0xe9, ...utf8.subarray(at)]);
    for (const endpoint of ['lionherd?source=latin1', 'events']) {
      const response = await post(endpoint, latin1);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe(
        `the body is not UTF-8 text: the byte at offset ${at.toLocaleString('en-US')} (line 2) is not part of any UTF-8 character; JSON travels as UTF-8, nothing was changed`,
      );
    }
    expect(receiver.events()).toEqual([]);
  });

  it('refuses a record of a known id with another created_at: another event, not a snapshot', async () => {
    const { post, receiver } = await start();
    const [first] = JSON.parse(fixture('scenarios.json')) as { id: string; created_at: string }[];
    if (first === undefined) throw new Error('the fixture changed');
    expect((await post('lionherd?source=a', first)).status).toBe(200);
    const other = { ...first, created_at: '2030-01-01T00:00:00+00:00' };
    const response = await post('lionherd?source=b', other);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toContain(
      `[0].created_at: 2030-01-01T00:00:00+00:00 differs from ${first.created_at} of the event with id "${first.id}" already received`,
    );
    const inOneBody = await post('lionherd?source=c', [
      { ...first, id: 'twice' },
      { ...other, id: 'twice' },
    ]);
    expect(inOneBody.status).toBe(409);
    expect(await inOneBody.text()).toContain('[1].created_at: 2030-01-01T00:00:00+00:00 differs');
    expect(receiver.events()).toHaveLength(1);
    expect(receiver.events()[0]?.event.created_at).toBe(first.created_at);
  });

  it('refuses a malformed record, naming it, and keeps none of the batch', async () => {
    const { post, receiver } = await start();
    const records = JSON.parse(fixture('scenarios.json')) as { execution: { status: string } }[];
    const broken = records.slice(0, 3);
    if (broken[2] !== undefined) broken[2].execution.status = 'finished';
    const response = await post('lionherd?source=scenarios', broken);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('[2].execution.status');
    expect(receiver.events()).toEqual([]);
  });
});
