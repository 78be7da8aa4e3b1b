import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { Middleware } from './middleware.ts';
import { crossOriginReason, unsafePostReason } from './sameOriginCheck.ts';

/**
 * A local HTTP endpoint for the dashboard's HTTP events, served by the Vite dev server and by
 * `vite preview` alike (no separate server to start).
 *
 * - `GET /api/demo?latency=300&status=503&failureRate=0.5&hang=1` answers with JSON after
 *   `latency` ms, with HTTP `status`, or with a 503 "simulated failure" at the chance
 *   `failureRate`; with `hang=1` it never answers at all.
 * - `GET /api/demo/stats` reports how many requests came in and how many the client gave up
 *   on (closed the connection before the answer) — the proof that a cancelled event aborted
 *   its real request.
 * - `POST /api/demo/stats/reset` sets the counters back to zero and starts a new epoch:
 *   requests still in flight from before count in none of the new counters.
 *
 * Bad query parameters get a 400 whose JSON `error` says which parameter and why.
 *
 * Only the dashboard's own pages may use it: a request another site's page makes (told by
 * `Sec-Fetch-Site` and `Origin`) gets a 403, and a POST must also carry a JSON body, which a
 * browser sends across origins only after a preflight the endpoint never grants. Hanging is
 * bounded too: at most `maxHanging` requests hang at once (more get a 503), and each ends
 * with a 503 after `maxHangMs`.
 */

/** The base path of the endpoint. */
export const DEMO_ENDPOINT_PATH = '/api/demo';

/** Longest latency the endpoint accepts, in milliseconds. */
export const MAX_LATENCY_MS = 60_000;

/** How many `hang=1` requests may be open at once, by default. */
export const MAX_HANGING = 32;

/** How long a `hang=1` request is held before the endpoint ends it, by default (5 minutes). */
export const MAX_HANG_MS = 300_000;

/** The counters behind `GET /api/demo/stats`. */
export interface DemoEndpointStats {
  /** Requests to `/api/demo` that passed validation. */
  requests: number;
  /** Requests answered in full. */
  answered: number;
  /** Requests the client closed before the answer was sent. */
  aborted: number;
  /** Requests answered with the simulated failure of `failureRate`. */
  simulatedFailures: number;
  /** Requests rejected with a 400 for bad query parameters. */
  rejected: number;
  /** Requests refused: from another site (403) or over the limit of hanging ones (503). */
  refused: number;
  /** Requests of this epoch still waiting for their answer (including hanging ones). */
  inFlight: number;
  /** Counts the resets; each starts the counters afresh. */
  epoch: number;
}

/** What one `/api/demo` request asked for, after validation. */
export interface DemoRequestParams {
  /** Milliseconds to wait before answering (default 0). */
  latency: number;
  /** HTTP status to answer with (default 200). */
  status: number;
  /** Chance, from 0 to 1, of answering 503 instead (default 0). */
  failureRate: number;
  /** Never answer. */
  hang: boolean;
}

export type DemoParamsResult =
  { ok: true; params: DemoRequestParams } | { ok: false; error: string };

export interface DemoEndpointOptions {
  /** Source of randomness for `failureRate`, `[0, 1)`; replace it for repeatable tests. */
  random?: () => number;
  /** How many `hang=1` requests may be open at once (default {@link MAX_HANGING}). */
  maxHanging?: number;
  /** Milliseconds a `hang=1` request is held before a 503 ends it (default {@link MAX_HANG_MS}). */
  maxHangMs?: number;
}

export interface DemoEndpoint {
  /** Connect-style middleware: handles `/api/demo…` and passes everything else on. */
  middleware: Middleware;
  /** A snapshot of the counters. */
  stats(): DemoEndpointStats;
  /** Starts a new epoch: every counter back to zero; requests in flight count no more. */
  reset(): void;
}

const PARAM_NAMES = ['latency', 'status', 'failureRate', 'hang'] as const;

/**
 * Validates the query of an `/api/demo` request. Unknown parameters are rejected too, so a
 * typo (`latnecy=500`) is reported instead of silently ignored.
 */
export function parseDemoParams(query: URLSearchParams): DemoParamsResult {
  for (const name of new Set(query.keys())) {
    if (!(PARAM_NAMES as readonly string[]).includes(name)) {
      return {
        ok: false,
        error: `unknown query parameter '${name}' (allowed: ${PARAM_NAMES.join(', ')})`,
      };
    }
    if (query.getAll(name).length > 1) {
      return { ok: false, error: `query parameter '${name}' is given more than once` };
    }
  }
  const latency = readNumber(query, 'latency', 0);
  if (!Number.isInteger(latency) || latency < 0 || latency > MAX_LATENCY_MS) {
    return {
      ok: false,
      error: `latency must be a whole number of milliseconds from 0 to ${MAX_LATENCY_MS}, got '${query.get('latency') ?? ''}'`,
    };
  }
  const status = readNumber(query, 'status', 200);
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    return {
      ok: false,
      error: `status must be a whole-number HTTP status from 200 to 599, got '${query.get('status') ?? ''}'`,
    };
  }
  const failureRate = readNumber(query, 'failureRate', 0);
  if (!(failureRate >= 0 && failureRate <= 1)) {
    return {
      ok: false,
      error: `failureRate must be a number from 0 to 1, got '${query.get('failureRate') ?? ''}'`,
    };
  }
  const hangText = query.get('hang');
  if (hangText !== null && !['0', '1', 'true', 'false'].includes(hangText)) {
    return { ok: false, error: `hang must be 1 or 0 (or true or false), got '${hangText}'` };
  }
  const hang = hangText === '1' || hangText === 'true';
  return { ok: true, params: { latency, status, failureRate, hang } };
}

/** `NaN` for text that is not a plain decimal number, so every check after it fails. */
function readNumber(query: URLSearchParams, name: string, fallback: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  return /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** Creates the endpoint with its own counters. */
export function createDemoEndpoint(options: DemoEndpointOptions = {}): DemoEndpoint {
  const random = options.random ?? Math.random;
  const maxHanging = options.maxHanging ?? MAX_HANGING;
  const maxHangMs = options.maxHangMs ?? MAX_HANG_MS;
  let counters = freshCounters(0);
  /** Open `hang=1` requests of every epoch: the limit is on sockets, not on counters. */
  let hanging = 0;

  function handleDemo(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    const parsed = parseDemoParams(query);
    if (!parsed.ok) {
      counters.rejected += 1;
      sendJson(res, 400, { error: parsed.error });
      return;
    }
    const { latency, status, failureRate, hang } = parsed.params;
    if (hang && hanging >= maxHanging) {
      counters.refused += 1;
      res.setHeader('Retry-After', '1');
      sendJson(res, 503, {
        error: `too many hanging requests: at most ${String(maxHanging)} hang at once`,
      });
      return;
    }
    // Each request counts in the counters of the epoch it arrived in, and only there.
    const own = counters;
    own.requests += 1;
    own.inFlight += 1;
    const requestNumber = own.requests;
    const receivedAt = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    let settled = false;
    const finish = (outcome: 'answered' | 'aborted'): void => {
      if (settled) return;
      settled = true;
      own.inFlight -= 1;
      own[outcome] += 1;
      if (hang) hanging -= 1;
      if (timer !== undefined) clearTimeout(timer);
    };
    // 'close' on the response fires when the answer was sent or the connection dropped; only
    // the second leaves the response unfinished.
    res.on('close', () => {
      finish(res.writableFinished ? 'answered' : 'aborted');
    });
    if (hang) {
      // Headers are not sent either, so the client's fetch stays pending until it aborts, or
      // until the endpoint's own limit ends it.
      hanging += 1;
      timer = setTimeout(() => {
        if (settled || res.destroyed) return;
        sendJson(res, 503, {
          error: `hang ended by the endpoint after ${String(maxHangMs)} ms`,
          request: requestNumber,
        });
      }, maxHangMs);
      return;
    }
    timer = setTimeout(() => {
      if (settled || res.destroyed) return;
      if (failureRate > 0 && random() < failureRate) {
        own.simulatedFailures += 1;
        sendJson(res, 503, {
          error: 'simulated failure',
          failureRate,
          request: requestNumber,
        });
        return;
      }
      const body = {
        ok: status < 400,
        status,
        latency,
        request: requestNumber,
        method: req.method ?? 'GET',
        receivedAt: new Date(receivedAt).toISOString(),
      };
      sendJson(res, status, status < 400 ? body : { ...body, error: `requested status ${status}` });
    }, latency);
  }

  const middleware: Middleware = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== DEMO_ENDPOINT_PATH && !path.startsWith(`${DEMO_ENDPOINT_PATH}/`)) {
      next();
      return;
    }
    const method = req.method ?? 'GET';
    const refusal = method === 'POST' ? unsafePostReason(req) : crossOriginReason(req);
    if (refusal !== undefined) {
      counters.refused += 1;
      sendJson(res, 403, { error: refusal });
      return;
    }
    if (path === DEMO_ENDPOINT_PATH) {
      if (method !== 'GET' && method !== 'POST') {
        sendJson(res, 405, { error: `${method} is not allowed; use GET or POST` });
        return;
      }
      handleDemo(req, res, url.searchParams);
      return;
    }
    if (path === `${DEMO_ENDPOINT_PATH}/stats`) {
      if (method !== 'GET') {
        sendJson(res, 405, { error: `${method} is not allowed; use GET` });
        return;
      }
      sendJson(res, 200, { ...counters });
      return;
    }
    if (path === `${DEMO_ENDPOINT_PATH}/stats/reset`) {
      if (method !== 'POST') {
        sendJson(res, 405, { error: `${method} is not allowed; use POST` });
        return;
      }
      reset();
      sendJson(res, 200, { ...counters });
      return;
    }
    sendJson(res, 404, { error: `no such endpoint: ${path}` });
  };

  function reset(): void {
    counters = freshCounters(counters.epoch + 1);
  }

  return { middleware, stats: () => ({ ...counters }), reset };
}

function freshCounters(epoch: number): DemoEndpointStats {
  return {
    requests: 0,
    answered: 0,
    aborted: 0,
    simulatedFailures: 0,
    rejected: 0,
    refused: 0,
    inFlight: 0,
    epoch,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const noBody = status === 204 || status === 205 || status === 304;
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  if (noBody) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The Vite plugin: mounts the endpoint on the dev server and on `vite preview`. Both servers
 * of one Vite process share one set of counters.
 */
export function demoEndpointPlugin(options: DemoEndpointOptions = {}): Plugin {
  const endpoint = createDemoEndpoint(options);
  return {
    name: 'lifecycle-lab:demo-endpoint',
    configureServer(server) {
      server.middlewares.use(endpoint.middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(endpoint.middleware);
    },
  };
}
