import { ExecutionError } from '../errors/executionError.ts';
import type { Event } from '../event.ts';
import { isRetryable } from '../retryable.ts';
import { EventStatus } from '../status.ts';

/**
 * TanStack Query interop: an event as a `queryFn` or `mutationFn`, and a `retry` option that
 * follows the event's retryable verdict.
 *
 * The core does not depend on TanStack Query: these helpers only use the shapes TanStack
 * passes in (`{ signal }` for queries, the variables for mutations), so they work with any
 * v5 adapter (React, Vue, Solid, Svelte, or `@tanstack/query-core` itself).
 *
 * With the React adapter's `useQuery` and `useMutation`:
 *
 * ```ts
 * import { HttpEvent } from 'lifecycle-lab-core/demo';
 * import { eventMutationFn, eventQueryFn, retryFromVerdict } from 'lifecycle-lab-core/tanstack-query';
 *
 * const user = useQuery({
 *   queryKey: ['user', id],
 *   queryFn: eventQueryFn(() => new HttpEvent({ url: `/api/users/${id}`, timeout: 5 })),
 *   retry: retryFromVerdict(3), // a 404 (NotFoundError) is not retried, a 503 is
 * });
 *
 * const save = useMutation({
 *   mutationFn: eventMutationFn((draft: Draft) =>
 *     new HttpEvent({ url: '/api/drafts', method: 'POST', body: draft }),
 *   ),
 *   retry: retryFromVerdict(2),
 * });
 * ```
 */

/** The part of TanStack's `QueryFunctionContext` the query helper reads. */
export interface QueryContextLike {
  /** Aborted by TanStack when the query is cancelled; the helper cancels the event then. */
  readonly signal?: AbortSignal;
}

export interface EventFnOptions {
  /**
   * Called with each event as it is made, before it runs: subscribe to it, show it in a
   * dashboard, keep it for later. A TanStack retry makes a new event, so this is called again.
   */
  onEvent?: (event: Event) => void;
}

/**
 * A `queryFn` that makes a fresh event per call (TanStack calls it again for each retry and
 * refetch), runs it, and resolves to its response. When the event does not complete, the
 * promise rejects with the error the event captured — a `TimeoutError`, a `ConnectionError`,
 * whatever the work threw — so TanStack sees the failure and `retry` can judge it. When
 * TanStack cancels the query (`queryClient.cancelQueries`, an unmounted component), the event
 * is cancelled too, which aborts its `ctx.signal` and with it any `fetch` it made.
 *
 * ```ts
 * queryFn: eventQueryFn(({ queryKey }) => new SlowEvent({ delay: 1, timeout: 3 }))
 * ```
 */
export function eventQueryFn<TResponse, TContext extends QueryContextLike = QueryContextLike>(
  makeEvent: (context: TContext) => Event<TResponse>,
  options: EventFnOptions = {},
): (context: TContext) => Promise<TResponse> {
  return async (context) => {
    const event = makeEvent(context);
    options.onEvent?.(event);
    // Reading `signal` also tells TanStack this query can be cancelled mid-flight.
    const { signal } = context;
    const onAbort = (): void => {
      event.cancel('The query was cancelled');
    };
    if (signal?.aborted === true) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await settle(event);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
}

/**
 * A `mutationFn` that makes a fresh event from the mutation's variables per call, runs it,
 * and resolves to its response or rejects with the captured error, like {@link eventQueryFn}.
 *
 * ```ts
 * mutationFn: eventMutationFn((input: { name: string }) => createEvent(() => save(input)))
 * ```
 */
export function eventMutationFn<TResponse, TVariables = void>(
  makeEvent: (variables: TVariables) => Event<TResponse>,
  options: EventFnOptions = {},
): (variables: TVariables) => Promise<TResponse> {
  return async (variables) => {
    const event = makeEvent(variables);
    options.onEvent?.(event);
    return settle(event);
  };
}

/**
 * A TanStack `retry` option that retries only what the event core calls retryable
 * ({@link isRetryable}): at most `maxRetries` retries (default 3), and none after a failure
 * that is not retryable — a `ValidationError`, a `NotFoundError`, an aggregate with one
 * such error inside.
 *
 * TanStack calls it with the number of failures before this one (0 on the first failure).
 *
 * ```ts
 * useQuery({ queryKey, queryFn, retry: retryFromVerdict(5) });
 * ```
 */
export function retryFromVerdict(
  maxRetries = 3,
): (failureCount: number, error: unknown) => boolean {
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError(`maxRetries must be a whole number from 0, got ${String(maxRetries)}`);
  }
  return (failureCount, error) => failureCount < maxRetries && isRetryable(error);
}

/** Runs the event; its response when it completed, otherwise a rejection with why not. */
async function settle<TResponse>(event: Event<TResponse>): Promise<TResponse> {
  await event.invoke();
  const { execution } = event;
  if (execution.status === EventStatus.COMPLETED) return execution.response as TResponse;
  const error = execution.error;
  if (error !== null && error !== undefined && execution.status !== EventStatus.SKIPPED) {
    // Rethrown as captured: TanStack's `error` and `retry` see the event's own error.
    throw error as Error;
  }
  throw new ExecutionError(`Event ${event.id} ended ${execution.status} without a response`, {
    retryable: false,
    details: { eventId: event.id, status: execution.status },
  });
}
