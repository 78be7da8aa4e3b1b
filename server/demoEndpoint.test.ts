import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDemoEndpoint,
  parseDemoParams,
  type DemoEndpoint,
  type DemoEndpointStats,
} from './demoEndpoint.ts';

let server: Server;
let endpoint: DemoEndpoint;
let base: string;
let nextRandom = 0.99;

const HANG_LIMIT = 2;
const HANG_MS = 400;

beforeEach(async () => {
  endpoint = createDemoEndpoint({
    random: () => nextRandom,
    maxHanging: HANG_LIMIT,
    maxHangMs: HANG_MS,
  });
  server = createServer((req, res) => {
    endpoint.middleware(req, res, () => {
      res.statusCode = 418;
      res.end('passed on');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function stats(): Promise<DemoEndpointStats> {
  const response = await fetch(`${base}/api/demo/stats`);
  return (await response.json()) as DemoEndpointStats;
}

function reset(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/demo/stats/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: '{}',
  });
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not met within a second');
}

describe('the demo endpoint', () => {
  it('answers with JSON and counts the request', async () => {
    const response = await fetch(`${base}/api/demo`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ ok: true, status: 200, latency: 0, request: 1 });
    expect(await stats()).toMatchObject({ requests: 1, answered: 1, aborted: 0, inFlight: 0 });
  });

  it('answers with the requested status code', async () => {
    const response = await fetch(`${base}/api/demo?status=404`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: 'requested status 404' });
  });

  it('waits the requested latency before answering', async () => {
    const started = performance.now();
    await fetch(`${base}/api/demo?latency=120`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('fails with a 503 at the chance given by failureRate', async () => {
    nextRandom = 0.2;
    const failed = await fetch(`${base}/api/demo?failureRate=0.5`);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ error: 'simulated failure' });
    nextRandom = 0.7;
    const passed = await fetch(`${base}/api/demo?failureRate=0.5`);
    expect(passed.status).toBe(200);
    expect(await stats()).toMatchObject({ requests: 2, simulatedFailures: 1 });
  });

  it('counts a request the client aborts before the answer', async () => {
    const controller = new AbortController();
    const request = fetch(`${base}/api/demo?hang=1`, { signal: controller.signal });
    await waitFor(async () => (await stats()).inFlight === 1);
    controller.abort();
    await expect(request).rejects.toThrow();
    await waitFor(async () => (await stats()).aborted === 1);
    expect(await stats()).toMatchObject({ requests: 1, aborted: 1, answered: 0, inFlight: 0 });
  });

  it('counts an abort during the latency and never answers it', async () => {
    const controller = new AbortController();
    const request = fetch(`${base}/api/demo?latency=5000`, { signal: controller.signal });
    await waitFor(async () => (await stats()).inFlight === 1);
    controller.abort();
    await expect(request).rejects.toThrow();
    await waitFor(async () => (await stats()).aborted === 1);
    expect((await stats()).answered).toBe(0);
  });

  it('resets its counters on POST /api/demo/stats/reset', async () => {
    await fetch(`${base}/api/demo`);
    const response = await reset();
    expect(response.status).toBe(200);
    expect(await stats()).toMatchObject({ requests: 0, answered: 0, aborted: 0, epoch: 1 });
  });

  it('counts requests in flight during a reset in none of the new counters', async () => {
    const controller = new AbortController();
    const hanging = fetch(`${base}/api/demo?hang=1`, { signal: controller.signal });
    const slow = fetch(`${base}/api/demo?latency=150`);
    await waitFor(async () => (await stats()).inFlight === 2);
    await reset();
    controller.abort();
    await expect(hanging).rejects.toThrow();
    expect((await slow).status).toBe(200);
    await fetch(`${base}/api/demo`);
    const after = await stats();
    expect(after).toMatchObject({ epoch: 1, requests: 1, answered: 1, aborted: 0, inFlight: 0 });
  });

  it('rejects a bad query parameter with a 400 that names it', async () => {
    const response = await fetch(`${base}/api/demo?latency=soon`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "latency must be a whole number of milliseconds from 0 to 60000, got 'soon'",
    });
    expect(await stats()).toMatchObject({ requests: 0, rejected: 1 });
  });

  it('answers 405 to a GET of the reset route and 404 to unknown routes below /api/demo', async () => {
    expect((await fetch(`${base}/api/demo/stats/reset`)).status).toBe(405);
    expect((await fetch(`${base}/api/demo/nothing`)).status).toBe(404);
  });

  it('ends a hanging request with a 503 after its time limit', async () => {
    const response = await fetch(`${base}/api/demo?hang=1`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: `hang ended by the endpoint after ${String(HANG_MS)} ms`,
    });
    expect(await stats()).toMatchObject({ requests: 1, answered: 1, inFlight: 0 });
  });

  it('refuses more hanging requests than its limit with a 503', async () => {
    const controller = new AbortController();
    const held = Array.from({ length: HANG_LIMIT }, () =>
      fetch(`${base}/api/demo?hang=1`, { signal: controller.signal }).catch(() => undefined),
    );
    await waitFor(async () => (await stats()).inFlight === HANG_LIMIT);
    const over = await fetch(`${base}/api/demo?hang=1`);
    expect(over.status).toBe(503);
    expect(await over.json()).toEqual({
      error: `too many hanging requests: at most ${String(HANG_LIMIT)} hang at once`,
    });
    controller.abort();
    await Promise.all(held);
    await waitFor(async () => (await stats()).inFlight === 0);
    expect((await stats()).refused).toBe(1);
  });

  it('passes every other path on to the next middleware', async () => {
    const response = await fetch(`${base}/index.html`);
    expect(response.status).toBe(418);
    expect(await response.text()).toBe('passed on');
  });
});

describe('the demo endpoint and other sites', () => {
  it.each([
    ['cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['same-site (another port of localhost)', { 'Sec-Fetch-Site': 'same-site' }],
    ['another origin', { Origin: 'http://localhost:3000' }],
    ['an opaque origin', { Origin: 'null' }],
  ])('refuses a hanging request from %s with a 403', async (_from, headers) => {
    const response = await fetch(`${base}/api/demo?hang=1`, { headers });
    expect(response.status).toBe(403);
    expect(await stats()).toMatchObject({ requests: 0, inFlight: 0, refused: 1 });
  });

  it('refuses a reset from another site, even with a JSON body', async () => {
    await fetch(`${base}/api/demo`);
    const response = await reset({ Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: expect.stringContaining("the dashboard's own pages only") as unknown,
    });
    expect(await stats()).toMatchObject({ requests: 1, epoch: 0 });
  });

  it('refuses a reset sent as a simple request (no JSON body), whatever its origin', async () => {
    await fetch(`${base}/api/demo`);
    const response = await fetch(`${base}/api/demo/stats/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: base },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "a POST must send a JSON body (Content-Type: application/json), got 'text/plain'",
    });
    expect(await stats()).toMatchObject({ requests: 1 });
  });

  it("accepts a reset from the dashboard's own origin", async () => {
    const response = await reset({ Origin: base, 'Sec-Fetch-Site': 'same-origin' });
    expect(response.status).toBe(200);
    expect(await stats()).toMatchObject({ epoch: 1 });
  });

  it("answers a request from the dashboard's own page", async () => {
    const response = await fetch(`${base}/api/demo`, {
      headers: { 'Sec-Fetch-Site': 'same-origin', Origin: base },
    });
    expect(response.status).toBe(200);
  });
});

describe('parseDemoParams', () => {
  const parse = (query: string) => parseDemoParams(new URLSearchParams(query));

  it('fills in the defaults', () => {
    expect(parse('')).toEqual({
      ok: true,
      params: { latency: 0, status: 200, failureRate: 0, hang: false },
    });
  });

  it('reads every parameter', () => {
    expect(parse('latency=250&status=503&failureRate=0.25&hang=1')).toEqual({
      ok: true,
      params: { latency: 250, status: 503, failureRate: 0.25, hang: true },
    });
  });

  it.each([
    ['latency=-1', "latency must be a whole number of milliseconds from 0 to 60000, got '-1'"],
    ['latency=1.5', "latency must be a whole number of milliseconds from 0 to 60000, got '1.5'"],
    ['latency=60001', 'latency must be a whole number of milliseconds from 0 to 60000'],
    ['status=abc', "status must be a whole-number HTTP status from 200 to 599, got 'abc'"],
    ['status=99', 'status must be a whole-number HTTP status from 200 to 599'],
    ['status=', "status must be a whole-number HTTP status from 200 to 599, got ''"],
    ['failureRate=2', "failureRate must be a number from 0 to 1, got '2'"],
    ['failureRate=NaN', "failureRate must be a number from 0 to 1, got 'NaN'"],
    ['hang=yes', "hang must be 1 or 0 (or true or false), got 'yes'"],
    ['latnecy=5', "unknown query parameter 'latnecy'"],
    ['status=200&status=500', "query parameter 'status' is given more than once"],
  ])('rejects %s', (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
