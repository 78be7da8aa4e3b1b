import { describe, expect, it, vi } from 'vitest';
import { ConnectionError } from '../errors/connectionError.ts';
import { ExecutionError } from '../errors/executionError.ts';
import { NotFoundError } from '../errors/notFoundError.ts';
import { QueueFullError } from '../errors/queueFullError.ts';
import { TimeoutError } from '../errors/timeoutError.ts';
import { ValidationError } from '../errors/validationError.ts';
import { demoEndpointUrl, HttpEvent, type FetchFunction } from './httpEvent.ts';

const URL_OK = 'http://127.0.0.1:9/api/demo';

function jsonResponse(status: number, body: unknown, statusText = ''): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A fetch that answers once with `response`. */
function answering(response: () => Response): FetchFunction & ReturnType<typeof vi.fn> {
  return vi.fn<FetchFunction>(() => Promise.resolve(response()));
}

/** A fetch that never answers and rejects with the signal's reason when aborted, like the real one. */
function hanging(): { fetch: FetchFunction; signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  const fetch: FetchFunction = (_url, init) =>
    new Promise((_resolve, reject) => {
      const { signal } = init;
      if (!(signal instanceof AbortSignal)) throw new Error('HttpEvent passed no signal');
      signals.push(signal);
      signal.addEventListener('abort', () => {
        reject(new DOMException('This operation was aborted', 'AbortError'));
      });
    });
  return { fetch, signals };
}

describe('HttpEvent', () => {
  it('completes with the status and parsed JSON body', async () => {
    const fetch = answering(() => jsonResponse(200, { ok: true, latency: 0 }));
    const event = new HttpEvent({ url: URL_OK, fetch });

    await expect(event.invoke()).resolves.toEqual({ status: 200, body: { ok: true, latency: 0 } });
    expect(event.status).toBe('completed');
    expect(fetch).toHaveBeenCalledWith(URL_OK, expect.objectContaining({ method: 'GET' }));
  });

  it('returns a body that is not JSON as text', async () => {
    const event = new HttpEvent({ url: URL_OK, fetch: answering(() => new Response('plain')) });
    await expect(event.invoke()).resolves.toEqual({ status: 200, body: 'plain' });
  });

  it('sends a JSON body with its content type', async () => {
    const fetch = answering(() => jsonResponse(200, {}));
    await new HttpEvent({ url: URL_OK, method: 'post', body: { a: 1 }, fetch }).invoke();
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('passes its signal to fetch', async () => {
    const fetch = answering(() => jsonResponse(200, {}));
    await new HttpEvent({ url: URL_OK, fetch }).invoke();
    expect((fetch.mock.calls[0]?.[1] as RequestInit).signal).toBeInstanceOf(AbortSignal);
  });

  it('bypasses the HTTP cache, so identical requests run side by side', async () => {
    const fetch = answering(() => jsonResponse(200, {}));
    await new HttpEvent({ url: URL_OK, fetch }).invoke();
    expect((fetch.mock.calls[0]?.[1] as { cache?: string }).cache).toBe('no-store');
  });

  it('maps a 5xx answer to a retryable ConnectionError with status and url in details', async () => {
    const event = new HttpEvent({
      url: URL_OK,
      fetch: answering(() => jsonResponse(503, { error: 'down' }, 'Service Unavailable')),
    });
    await event.invoke();

    expect(event.status).toBe('failed');
    expect(event.execution.retryable).toBe(true);
    const error = event.execution.error as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(`HTTP 503 Service Unavailable from GET ${URL_OK}`);
    expect(error.details).toMatchObject({ status: 503, url: URL_OK, method: 'GET' });
    expect(error.details.body).toBe('{"error":"down"}');
  });

  it('maps a 404 answer to a NotFoundError that is not retryable', async () => {
    const event = new HttpEvent({ url: URL_OK, fetch: answering(() => jsonResponse(404, {})) });
    await event.invoke();
    expect(event.execution.error).toBeInstanceOf(NotFoundError);
    expect(event.execution.retryable).toBe(false);
    expect((event.execution.error as NotFoundError).details).toMatchObject({
      status: 404,
      url: URL_OK,
    });
  });

  it.each([400, 401, 403, 409, 422])(
    'maps a %i answer to a ValidationError that is not retryable',
    async (status) => {
      const event = new HttpEvent({
        url: URL_OK,
        fetch: answering(() => jsonResponse(status, {})),
      });
      await event.invoke();
      expect(event.execution.error).toBeInstanceOf(ValidationError);
      expect(event.execution.retryable).toBe(false);
      expect((event.execution.error as ValidationError).details).toMatchObject({ status });
    },
  );

  it.each([
    [408, TimeoutError],
    [429, QueueFullError],
  ] as const)(
    'maps a %i answer, which means "not now", to a retryable %O',
    async (status, ErrorClass) => {
      const event = new HttpEvent({
        url: URL_OK,
        fetch: answering(() => jsonResponse(status, {})),
      });
      await event.invoke();
      expect(event.execution.error).toBeInstanceOf(ErrorClass);
      expect(event.execution.retryable).toBe(true);
      expect((event.execution.error as TimeoutError).details).toMatchObject({ status });
    },
  );

  it('maps a network error to a retryable ConnectionError that keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    const event = new HttpEvent({ url: URL_OK, fetch: () => Promise.reject(cause) });
    await event.invoke();

    const error = event.execution.error as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ url: URL_OK, method: 'GET' });
    expect(event.execution.retryable).toBe(true);
    expect(event.execution.toDict().error).toMatchObject({
      error: 'ConnectionError',
      retryable: true,
      details: { url: URL_OK },
      cause: { error: 'TypeError', message: 'fetch failed' },
    });
  });

  it('fails with an ExecutionError when a JSON answer does not parse', async () => {
    const event = new HttpEvent({
      url: URL_OK,
      fetch: answering(
        () => new Response('{oops', { headers: { 'Content-Type': 'application/json' } }),
      ),
    });
    await event.invoke();
    expect(event.execution.error).toBeInstanceOf(ExecutionError);
  });

  it('aborts the request when it is cancelled', async () => {
    const { fetch, signals } = hanging();
    const event = new HttpEvent({ url: URL_OK, fetch });
    const run = event.invoke();
    await Promise.resolve();

    expect(event.cancel('changed my mind')).toBe(true);
    await expect(run).resolves.toBeUndefined();
    expect(event.status).toBe('cancelled');
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('aborts the request when it times out', async () => {
    vi.useFakeTimers();
    try {
      const { fetch, signals } = hanging();
      const event = new HttpEvent({ url: URL_OK, fetch, timeout: 0.5 });
      const run = event.invoke();
      await vi.advanceTimersByTimeAsync(500);
      await run;

      expect(event.status).toBe('cancelled');
      expect(event.execution.error).toBeInstanceOf(TimeoutError);
      expect(signals[0]?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps its url and fetch in a fresh copy', async () => {
    const fetch = answering(() => jsonResponse(200, { n: 1 }));
    const first = new HttpEvent({ url: URL_OK, fetch, timeout: 2 });
    const fresh = first.asFreshEvent();
    expect(fresh.url).toBe(URL_OK);
    expect(fresh.timeout).toBe(2);
    await fresh.invoke();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([
    [{ url: '' }, 'url must be a non-empty string'],
    [{ url: 42 }, 'url must be a non-empty string, got 42'],
    [{ url: 'http://exa mple.com:x' }, 'url is not a valid URL'],
    [{ url: URL_OK, method: 'GET /' }, 'method must be an HTTP method name'],
  ])('rejects bad options %j', (init, message) => {
    expect(() => new HttpEvent(init as never)).toThrow(ValidationError);
    expect(() => new HttpEvent(init as never)).toThrow(message);
  });

  it('accepts a URL relative to the page', () => {
    expect(new HttpEvent({ url: '/api/demo?latency=5' }).url).toBe('/api/demo?latency=5');
  });
});

describe('demoEndpointUrl', () => {
  it('leaves out what is not given', () => {
    expect(demoEndpointUrl()).toBe('/api/demo');
  });

  it('writes every parameter the endpoint knows', () => {
    expect(demoEndpointUrl({ latency: 500, status: 503, failureRate: 0.5, hang: true })).toBe(
      '/api/demo?latency=500&status=503&failureRate=0.5&hang=1',
    );
  });
});
