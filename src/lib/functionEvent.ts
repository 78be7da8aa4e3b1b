import { ValidationError } from './errors/validationError.ts';
import { Event, type EventInit, type InvokeContext } from './event.ts';
import { describeValue } from './serialize/describeValue.ts';

/** The work of a {@link FunctionEvent}. */
export type EventWork<TResponse> = (ctx: InvokeContext) => Promise<TResponse> | TResponse;

/** Options of a {@link FunctionEvent}: the work plus the usual event options. */
export interface FunctionEventInit<TResponse> extends EventInit {
  work: EventWork<TResponse>;
}

/**
 * An event whose work is a plain function, for when a subclass would be ceremony.
 * Fresh copies run the same function. See {@link createEvent}.
 */
export class FunctionEvent<TResponse = unknown> extends Event<TResponse> {
  readonly work: EventWork<TResponse>;

  constructor(init: FunctionEventInit<TResponse>) {
    super(init);
    if (typeof init.work !== 'function') {
      throw new ValidationError(`work must be a function, got ${describeValue(init.work)}`);
    }
    this.work = init.work;
  }

  protected _invoke(ctx: InvokeContext): Promise<TResponse> | TResponse {
    return this.work(ctx);
  }
}

/**
 * Makes an event from an async function; the response type is inferred.
 *
 * ```ts
 * const event = createEvent(async ({ signal }) => (await fetch('/api/user', { signal })).json(), {
 *   timeout: 5,
 * });
 * const user = await event.invoke(); // undefined unless it completed
 * ```
 */
export function createEvent<TResponse>(
  work: EventWork<TResponse>,
  init: EventInit = {},
): FunctionEvent<TResponse> {
  return new FunctionEvent<TResponse>({ ...init, work });
}
