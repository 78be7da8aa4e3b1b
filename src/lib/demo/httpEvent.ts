import { ConnectionError } from '../errors/connectionError.ts';
import { ExecutionError } from '../errors/executionError.ts';
import type { LionherdError } from '../errors/lionherdError.ts';
import { NotFoundError } from '../errors/notFoundError.ts';
import { QueueFullError } from '../errors/queueFullError.ts';
import { TimeoutError } from '../errors/timeoutError.ts';
import { ValidationError } from '../errors/validationError.ts';
import { Event, type EventInit, type InvokeContext } from '../event.ts';
import { describeValue } from '../serialize/describeValue.ts';
import type { JsonValue } from '../serialize/toJsonSafe.ts';

/** The `fetch` an {@link HttpEvent} calls; the global one unless a test supplies another. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpEventInit extends EventInit {
  /** Absolute, or relative to the page in a browser (`/api/demo?latency=500`). */
  url: string;
  /** HTTP method (default `GET`). */
  method?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Sent as JSON, with `Content-Type: application/json`. */
  body?: JsonValue;
  /** Replaces the global `fetch`, e.g. with a stub in tests. */
  fetch?: FetchFunction;
}

/** What a completed {@link HttpEvent} returns. */
export interface HttpResult {
  status: number;
  /** The parsed JSON body, or the text of a body that is not JSON (`null` when empty). */
  body: JsonValue;
}

/** `RequestInit.cache`, which Node's types leave out although its `fetch` honours it too. */
interface CacheMode {
  cache: 'no-store';
}

/** Longest piece of an error response's body kept in an error's `details`. */
const MAX_BODY_IN_DETAILS = 500;

/**
 * Makes a real HTTP request with `fetch`, passing `ctx.signal`, so a timeout or `cancel()`
 * aborts the request on the wire, not just the wait for it. Requests bypass the HTTP cache
 * (`cache: 'no-store'`), so identical events run side by side instead of one at a time.
 *
 * Failures follow the error taxonomy, with `status`, `url` and `method` in `details`:
 *
 * | what happened                      | error             | retryable |
 * |------------------------------------|-------------------|-----------|
 * | network error (no answer)          | `ConnectionError` | yes       |
 * | 5xx                                | `ConnectionError` | yes       |
 * | 408 Request Timeout                | `TimeoutError`    | yes       |
 * | 429 Too Many Requests              | `QueueFullError`  | yes       |
 * | 404                                | `NotFoundError`   | no        |
 * | other 4xx                          | `ValidationError` | no        |
 * | 2xx whose JSON body does not parse | `ExecutionError`  | yes       |
 *
 * 408 and 429 are the two 4xx answers that say "not now" rather than "never", so they
 * are retryable.
 *
 * ```ts
 * const event = new HttpEvent({ url: '/api/demo?latency=2000', timeout: 1 });
 * await event.invoke();
 * event.status; // 'cancelled': the request was aborted after one second
 * ```
 */
export class HttpEvent extends Event<HttpResult> {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue | undefined;
  readonly #fetch: FetchFunction | undefined;

  constructor(init: HttpEventInit) {
    super(init);
    this.url = validateUrl(init.url);
    this.method = validateMethod(init.method ?? 'GET');
    this.headers = { ...init.headers };
    this.body = init.body;
    this.#fetch = init.fetch;
  }

  protected async _invoke({ signal }: InvokeContext): Promise<HttpResult> {
    // 'no-store' keeps the browser's HTTP cache out of the way: it lets only one of several
    // identical GETs through at a time (a cache lock), so a burst would run one by one.
    const request: RequestInit & CacheMode = {
      method: this.method,
      headers: { ...this.headers },
      signal,
      cache: 'no-store',
    };
    if (this.body !== undefined) {
      request.body = JSON.stringify(this.body);
      request.headers = { 'Content-Type': 'application/json', ...this.headers };
    }
    const fetchFunction = this.#fetch ?? ((url, init) => fetch(url, init));
    let response: Response;
    try {
      response = await fetchFunction(this.url, request);
    } catch (error) {
      // After an abort the event has already ended; rethrowing the reason changes nothing.
      if (signal.aborted) throw signal.reason as Error;
      throw new ConnectionError(`Network error: ${this.method} ${this.url} got no answer`, {
        details: { url: this.url, method: this.method },
        cause: error,
      });
    }
    const text = await response.text();
    if (!response.ok) throw this.#httpError(response, text);
    return { status: response.status, body: this.#parseBody(response, text) };
  }

  #httpError(response: Response, text: string): LionherdError {
    const { status } = response;
    const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
    const message = `HTTP ${status}${statusText} from ${this.method} ${this.url}`;
    const details: Record<string, unknown> = { status, url: this.url, method: this.method };
    if (text !== '') details.body = clip(text, MAX_BODY_IN_DETAILS);
    if (status >= 500) return new ConnectionError(message, { details });
    if (status === 404) return new NotFoundError(message, { details });
    if (status === 408) return new TimeoutError(message, { details });
    if (status === 429) return new QueueFullError(message, { details });
    if (status >= 400) return new ValidationError(message, { details });
    // 1xx and 3xx never reach here with fetch's default redirect handling.
    return new ExecutionError(message, { details });
  }

  #parseBody(response: Response, text: string): JsonValue {
    if (text === '') return null;
    const type = response.headers.get('content-type') ?? '';
    if (!/\bjson\b/i.test(type)) return text;
    try {
      return JSON.parse(text) as JsonValue;
    } catch (error) {
      throw new ExecutionError(`Invalid JSON from ${this.method} ${this.url}`, {
        details: { status: response.status, url: this.url, body: clip(text, MAX_BODY_IN_DETAILS) },
        cause: error,
      });
    }
  }
}

/** Parameters of the dashboard's local endpoint (see `server/demoEndpoint.ts`). */
export interface DemoEndpointParams {
  /** Milliseconds the endpoint waits before answering. */
  latency?: number;
  /** HTTP status it answers with. */
  status?: number;
  /** Chance, from 0 to 1, that it answers 503 instead. */
  failureRate?: number;
  /** Never answer: only a timeout or cancel ends the request. */
  hang?: boolean;
}

/**
 * The URL of the local demo endpoint with the given behaviour; parameters left out take the
 * endpoint's defaults.
 *
 * ```ts
 * demoEndpointUrl({ latency: 500, status: 503 }); // '/api/demo?latency=500&status=503'
 * ```
 */
export function demoEndpointUrl(params: DemoEndpointParams = {}, base = '/api/demo'): string {
  const query = new URLSearchParams();
  if (params.latency !== undefined) query.set('latency', String(params.latency));
  if (params.status !== undefined) query.set('status', String(params.status));
  if (params.failureRate !== undefined) query.set('failureRate', String(params.failureRate));
  if (params.hang === true) query.set('hang', '1');
  const search = query.toString();
  return search === '' ? base : `${base}?${search}`;
}

function validateUrl(url: unknown): string {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new ValidationError(`url must be a non-empty string, got ${describeValue(url)}`, {
      details: { field: 'url', value: describeValue(url) },
    });
  }
  // Checked for shape only: a relative URL is resolved by fetch against the page it runs in
  // (in Node, where there is no page, fetch rejects it and the event fails).
  try {
    new URL(url, 'http://localhost/');
  } catch {
    throw new ValidationError(`url is not a valid URL, got ${describeValue(url)}`, {
      details: { field: 'url', value: url },
    });
  }
  return url;
}

function validateMethod(method: unknown): string {
  if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)) {
    throw new ValidationError(`method must be an HTTP method name, got ${describeValue(method)}`, {
      details: { field: 'method', value: describeValue(method) },
    });
  }
  return method.toUpperCase();
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… [${text.length - limit} more]`;
}
