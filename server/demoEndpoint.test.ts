import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDemoEndpoint,
  parseDemoParams,
  type DemoEndpoint,
  type DemoEndpointStats,
} from './demoEndpoint';

let server: Server;
let endpoint: DemoEndpoint;
let base: string;
let nextRandom = 0.99;

beforeEach(async () => {
  endpoint = createDemoEndpoint({ random: () => nextRandom });
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
    const response = await fetch(`${base}/api/demo/stats/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await stats()).toMatchObject({ requests: 0, answered: 0, aborted: 0 });
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

  it('passes every other path on to the next middleware', async () => {
    const response = await fetch(`${base}/index.html`);
    expect(response.status).toBe(418);
    expect(await response.text()).toBe('passed on');
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
