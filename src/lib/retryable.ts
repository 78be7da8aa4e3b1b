import {
  aggregatedErrorsOf,
  declaredRetryableOf,
  errorMessageOf,
  errorNameOf,
} from './serialize/readError.ts';

/** Why a failure is, or is not, worth retrying. */
export interface RetryVerdict {
  retryable: boolean;
  /** One sentence, for people: `not retryable: ValidationError 'bad input' is not retryable`. */
  reason: string;
}

/**
 * The retryability rule:
 * - a value with a boolean `retryable` is believed (every library error has one);
 * - an aggregate (`AggregateError`) is retryable only if every error inside it, recursively,
 *   is retryable; an aggregate that contains itself is judged by the rest of its errors;
 * - anything else that was thrown counts as retryable.
 *
 * ```ts
 * isRetryable(new ValidationError('bad input')); // false
 * isRetryable(new Error('flaky'));              // true
 * isRetryable(new AggregateError([new TimeoutError('slow'), new ValidationError('bad')])); // false
 * ```
 */
export function isRetryable(value: unknown): boolean {
  return findNotRetryable(value) === undefined;
}

/** {@link isRetryable} with the reason in words, naming the error that decided it. */
export function explainRetryable(value: unknown): RetryVerdict {
  const culprit = findNotRetryable(value);
  if (culprit !== undefined) {
    return { retryable: false, reason: `not retryable: ${label(culprit)} is not retryable` };
  }
  const inside = aggregatedErrorsOf(value);
  if (declaredRetryableOf(value) === undefined && inside !== undefined) {
    const count = inside.length === 1 ? '1 error' : `${inside.length} errors`;
    return {
      retryable: true,
      reason: `retryable: all ${count} inside ${label(value)} are retryable`,
    };
  }
  if (declaredRetryableOf(value) === true) {
    return { retryable: true, reason: `retryable: ${label(value)} is retryable` };
  }
  return {
    retryable: true,
    reason: `retryable: ${label(value)} does not say it is not, so it counts as retryable`,
  };
}

/**
 * Depth-first search for the first error that is not retryable. Iterative, so aggregates
 * nested thousands deep cannot overflow the stack; a visited set cuts cycles.
 */
function findNotRetryable(root: unknown): unknown {
  const stack: unknown[] = [root];
  const visited = new Set<unknown>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'object' && value !== null) {
      if (visited.has(value)) continue;
      visited.add(value);
    }
    const declared = declaredRetryableOf(value);
    if (declared !== undefined) {
      if (!declared) return value;
      continue;
    }
    const inside = aggregatedErrorsOf(value);
    if (inside === undefined) continue;
    // Pushed in reverse so the first error inside is judged first.
    for (let index = inside.length - 1; index >= 0; index--) stack.push(inside[index]);
  }
  return undefined;
}

function label(value: unknown): string {
  const message = errorMessageOf(value);
  const short = message.length > 80 ? `${message.slice(0, 80)}…` : message;
  return short === '' ? errorNameOf(value) : `${errorNameOf(value)} '${short}'`;
}
