/**
 * Never-throwing readers for thrown values. Anything can be thrown, including proxies whose
 * every trap throws and errors whose `message` getter throws, so each read is guarded.
 */

/** The name an inspector shows for a thrown value: `TypeError`, `ValidationError`, `string`. */
export function errorNameOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return typeof value;
  const name = tryRead(() => (value as { name?: unknown }).name);
  // A subclass that does not set `name` inherits "Error"; its constructor knows better.
  if (typeof name === 'string' && name !== '' && name !== 'Error') return name;
  const constructorName = tryRead(
    () => (value as { constructor?: { name?: unknown } }).constructor?.name,
  );
  if (typeof constructorName === 'string' && constructorName !== '') return constructorName;
  return typeof name === 'string' && name !== '' ? name : 'Object';
}

/** The message of a thrown value, or a readable stand-in when it has none. */
export function errorMessageOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'symbol':
      return tryRead(() => value.toString()) ?? 'Symbol()';
    case 'object':
    case 'function': {
      if (value === null) return 'null';
      const message = tryRead(() => (value as { message?: unknown }).message);
      if (typeof message === 'string') return message;
      const json = tryRead(() => JSON.stringify(value));
      if (typeof json === 'string') return json;
      // Last resort: the value's own toString, whatever it says.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      const text = tryRead(() => String(value));
      return typeof text === 'string' ? text : '<unreadable>';
    }
    default:
      return String(value);
  }
}

/** The `cause` of a thrown value, or `undefined` when it has none or it cannot be read. */
export function errorCauseOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return tryRead(() => (value as { cause?: unknown }).cause);
}

/**
 * Most errors read from one aggregate. An `errors` array can be sparse with a length in the
 * billions; reading past this bound would exhaust memory, so later errors are not inspected.
 */
export const MAX_AGGREGATE_ERRORS_READ = 10_000;

/**
 * The errors inside an aggregate (`AggregateError`, or one from another realm), at most the
 * first {@link MAX_AGGREGATE_ERRORS_READ}; `undefined` for anything else.
 */
export function aggregatedErrorsOf(value: unknown): readonly unknown[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return tryRead(() => {
    const errors = aggregateErrorsArray(value);
    if (errors === undefined) return undefined;
    // A copy, read here where a throw is caught: `errors` may be a proxy of an array whose
    // every read throws, and callers index the list they get without guarding each read.
    return Array.from(
      { length: Math.min(errors.length, MAX_AGGREGATE_ERRORS_READ) },
      (_, i) => errors[i],
    );
  });
}

/** How many errors an aggregate says it holds (its `errors.length`); 0 for anything else. */
export function aggregateSizeOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return tryRead(() => aggregateErrorsArray(value)?.length) ?? 0;
}

function aggregateErrorsArray(value: object): readonly unknown[] | undefined {
  const errors = (value as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  const isAggregate =
    value instanceof AggregateError || (value as { name?: unknown }).name === 'AggregateError';
  return isAggregate ? (errors as unknown[]) : undefined;
}

/** A value's own verdict: its boolean `retryable`, or `undefined` when it gives none. */
export function declaredRetryableOf(value: unknown): boolean | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const retryable = tryRead(() => (value as { retryable?: unknown }).retryable);
  return typeof retryable === 'boolean' ? retryable : undefined;
}

/** Runs `read`, turning any throw into `undefined`. */
export function tryRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
