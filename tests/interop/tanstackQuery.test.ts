import { CancelledError, MutationObserver, QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConnectionError,
  createEvent,
  ExecutionError,
  NotFoundError,
  TimeoutError,
  ValidationError,
  type Event,
} from '../../src/lib';
import { ConditionalEvent, FlakyEvent, SimpleEvent, SlowEvent } from '../../src/lib/demo';
import {
  eventMutationFn,
  eventQueryFn,
  retryFromVerdict,
} from '../../src/lib/interop/tanstackQuery';

let client: QueryClient;

function newClient(): QueryClient {
  client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
  return client;
}

afterEach(() => {
  client.clear();
});

/** Randomness that fails the first `failures` draws of a flaky event, then passes. */
function failingFirst(failures: number): () => number {
  let draws = 0;
  return () => (draws++ < failures ? 0 : 0.99);
}

describe('eventQueryFn with a real QueryClient', () => {
  it('resolves the query to the event’s response', async () => {
    const queryClient = newClient();
    const data = await queryClient.query({
      queryKey: ['answer'],
      queryFn: eventQueryFn(() => new SimpleEvent({ returnValue: 42 })),
    });
    expect(data).toBe(42);
    expect(queryClient.getQueryData(['answer'])).toBe(42);
  });

  it('rejects with the captured error, so TanStack reports the failure', async () => {
    const queryClient = newClient();
    const query = queryClient.query({
      queryKey: ['bad'],
      queryFn: eventQueryFn(() => new FlakyEvent({ failureRate: 1, errorKind: 'validation' })),
      retry: false,
    });
    await expect(query).rejects.toBeInstanceOf(ValidationError);
    expect(queryClient.getQueryState(['bad'])?.status).toBe('error');
    expect(queryClient.getQueryState(['bad'])?.error).toBeInstanceOf(ValidationError);
  });

  it('runs a fresh event for every retry, until one completes', async () => {
    const queryClient = newClient();
    const events: Event[] = [];
    const random = failingFirst(2);
    const data = await queryClient.query({
      queryKey: ['flaky'],
      queryFn: eventQueryFn(() => new FlakyEvent({ failureRate: 0.5, random }), {
        onEvent: (event) => events.push(event),
      }),
      retry: retryFromVerdict(5),
    });
    expect(data).toBe('ok');
    expect(events.map((event) => event.status)).toEqual(['failed', 'failed', 'completed']);
    expect(new Set(events.map((event) => event.id)).size).toBe(3);
  });

  it('does not retry a failure that is not retryable', async () => {
    const queryClient = newClient();
    const events: Event[] = [];
    const query = queryClient.query({
      queryKey: ['not-found'],
      queryFn: eventQueryFn(
        () =>
          createEvent(() => {
            throw new NotFoundError('no such user');
          }),
        { onEvent: (event) => events.push(event) },
      ),
      retry: retryFromVerdict(5),
    });
    await expect(query).rejects.toBeInstanceOf(NotFoundError);
    expect(events).toHaveLength(1);
  });

  it('stops after maxRetries retries of a retryable failure', async () => {
    const queryClient = newClient();
    const events: Event[] = [];
    const query = queryClient.query({
      queryKey: ['down'],
      queryFn: eventQueryFn(() => new FlakyEvent({ failureRate: 1, errorKind: 'connection' }), {
        onEvent: (event) => events.push(event),
      }),
      retry: retryFromVerdict(3),
    });
    await expect(query).rejects.toBeInstanceOf(ConnectionError);
    expect(events).toHaveLength(4);
  });

  it('rejects with the TimeoutError of an event that timed out', async () => {
    const queryClient = newClient();
    const query = queryClient.query({
      queryKey: ['slow'],
      queryFn: eventQueryFn(() => new SlowEvent({ delay: 5, timeout: 0.02 })),
      retry: false,
    });
    await expect(query).rejects.toBeInstanceOf(TimeoutError);
  });

  it('cancels the event when the query is cancelled', async () => {
    const queryClient = newClient();
    const events: Event[] = [];
    const query = queryClient.query({
      queryKey: ['cancel-me'],
      queryFn: eventQueryFn(() => new SlowEvent({ delay: 10 }), {
        onEvent: (event) => events.push(event),
      }),
    });
    await expect.poll(() => events[0]?.status).toBe('processing');
    await queryClient.cancelQueries({ queryKey: ['cancel-me'] });

    await expect(query).rejects.toBeInstanceOf(CancelledError);
    expect(events[0]?.status).toBe('cancelled');
    expect(events).toHaveLength(1);
  });

  it('rejects with a non-retryable ExecutionError when the event was skipped', async () => {
    const queryClient = newClient();
    const query = queryClient.query({
      queryKey: ['skipped'],
      queryFn: eventQueryFn(() => new ConditionalEvent({ condition: false })),
      retry: retryFromVerdict(3),
    });
    await expect(query).rejects.toThrow(/ended skipped without a response/);
    await expect(query).rejects.toMatchObject({ retryable: false });
    await expect(query).rejects.toBeInstanceOf(ExecutionError);
  });
});

describe('eventMutationFn with a real QueryClient', () => {
  it('runs an event made from the variables and resolves to its response', async () => {
    const observer = new MutationObserver(newClient(), {
      mutationFn: eventMutationFn((name: string) => new SimpleEvent({ returnValue: `hi ${name}` })),
    });
    await expect(observer.mutate('Ada')).resolves.toBe('hi Ada');
    expect(observer.getCurrentResult().status).toBe('success');
  });

  it('retries a retryable failure with a fresh event and gives up on the rest', async () => {
    const random = failingFirst(1);
    const made: string[] = [];
    const observer = new MutationObserver(newClient(), {
      mutationFn: eventMutationFn(
        (kind: 'connection' | 'validation') =>
          new FlakyEvent({ failureRate: 0.5, errorKind: kind, random }),
        { onEvent: (event) => made.push(event.id) },
      ),
      retry: retryFromVerdict(2),
      retryDelay: 0,
    });
    await expect(observer.mutate('connection')).resolves.toBe('ok');
    expect(made).toHaveLength(2);

    const rejecting = new MutationObserver(client, {
      mutationFn: eventMutationFn(
        () => new FlakyEvent({ failureRate: 1, errorKind: 'validation' }),
      ),
      retry: retryFromVerdict(2),
      retryDelay: 0,
    });
    await expect(rejecting.mutate()).rejects.toBeInstanceOf(ValidationError);
    expect(rejecting.getCurrentResult().failureCount).toBe(1);
  });
});

describe('retryFromVerdict', () => {
  const retry = retryFromVerdict(2);

  it('retries a retryable error while retries are left', () => {
    expect(retry(0, new ConnectionError('reset'))).toBe(true);
    expect(retry(1, new Error('plain errors count as retryable'))).toBe(true);
    expect(retry(2, new ConnectionError('reset'))).toBe(false);
  });

  it('never retries an error that is not retryable', () => {
    expect(retry(0, new ValidationError('bad input'))).toBe(false);
    expect(retry(0, new ConnectionError('reset', { retryable: false }))).toBe(false);
    expect(retry(0, new AggregateError([new ConnectionError('a'), new ValidationError('b')]))).toBe(
      false,
    );
  });

  it('rejects a maxRetries that is not a whole number from 0', () => {
    expect(() => retryFromVerdict(-1)).toThrow(RangeError);
    expect(() => retryFromVerdict(1.5)).toThrow(
      'maxRetries must be a whole number from 0, got 1.5',
    );
  });
});
