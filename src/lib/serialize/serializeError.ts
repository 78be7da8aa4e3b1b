import { isLionherdError } from '../errors/lionherdError.ts';
import {
  aggregatedErrorsOf,
  aggregateSizeOf,
  errorCauseOf,
  errorMessageOf,
  errorNameOf,
  tryRead,
} from './readError.ts';
import { toJsonSafe } from './toJsonSafe.ts';

/** Aggregates and causes nested deeper than this are cut (the lionherd-core limit). */
export const MAX_ERROR_DEPTH = 100;
/** Longest message kept; longer ones are cut and say how much was cut. */
export const MAX_MESSAGE_LENGTH = 4_096;
/** Longest JSON form of `details` kept; larger details are replaced by a note. */
export const MAX_DETAILS_LENGTH = 4_096;
/** Most error nodes one serialization writes; the rest are counted in `omitted_count`. */
export const MAX_ERROR_NODES = 256;
/** Longest error class name kept. */
const MAX_NAME_LENGTH = 256;
/** Longest note a cut text ends with: `… [123456789 more characters]`. */
const MAX_CLIP_NOTE_LENGTH = 32;
/** `JSON.stringify` writes one character as up to six (`"\u0001"`, lone surrogates). */
const MAX_JSON_ESCAPE_FACTOR = 6;
/**
 * Upper bound, in characters, of `JSON.stringify(serializeError(anything))`: every node's
 * name and message at their limits and escaped at worst, its details (measured as JSON),
 * plus the keys around them.
 */
export const MAX_SERIALIZED_ERROR_LENGTH =
  MAX_ERROR_NODES *
  (MAX_JSON_ESCAPE_FACTOR * (MAX_MESSAGE_LENGTH + MAX_NAME_LENGTH + 2 * MAX_CLIP_NOTE_LENGTH) +
    MAX_DETAILS_LENGTH +
    256);

/** The JSON form of a captured error, as `execution.toDict().error` holds it. */
export interface ErrorDict {
  /** Class name: `TypeError`, `AggregateError`, `ValidationError`; `string` for a thrown string. */
  error: string;
  message: string;
  /** Library errors only. */
  retryable?: boolean;
  /** Library errors only, when non-empty. */
  details?: Record<string, unknown>;
  /** Aggregates only: the errors inside, recursively. */
  exceptions?: ErrorDict[];
  /** The error's `cause`, recursively, when it has one. */
  cause?: ErrorDict;
  /** On a node cut at the depth limit: how many errors it held. */
  nested_count?: number;
  /** How many errors inside this one were left out to keep the result bounded. */
  omitted_count?: number;
}

interface Walk {
  /** Errors on the path from the root to the current node: a repeat is a cycle. */
  readonly ancestors: Set<unknown>;
  nodesLeft: number;
}

/**
 * Serializes any thrown value to bounded, JSON-safe data without throwing.
 *
 * A library error adds `retryable` and `details`; an aggregate adds `exceptions`; a `cause`
 * adds `cause`. Nesting past {@link MAX_ERROR_DEPTH} is cut with a
 * `"Max nesting depth (100) exceeded"` node, and an error that contains itself with a
 * `"Circular reference detected"` node. The same error reached twice through different
 * branches is not a cycle and is written twice.
 *
 * ```ts
 * serializeError(new AggregateError([new TypeError('bad')], 'two things'));
 * // { error: 'AggregateError', message: 'two things',
 * //   exceptions: [{ error: 'TypeError', message: 'bad' }] }
 * ```
 */
export function serializeError(value: unknown): ErrorDict {
  return serializeNode(value, 0, { ancestors: new Set(), nodesLeft: MAX_ERROR_NODES });
}

function serializeNode(value: unknown, depth: number, walk: Walk): ErrorDict {
  walk.nodesLeft -= 1;
  const error = clipText(errorNameOf(value), MAX_NAME_LENGTH);
  const children = aggregatedErrorsOf(value);
  if (depth > MAX_ERROR_DEPTH) {
    return {
      error,
      message: `Max nesting depth (${MAX_ERROR_DEPTH}) exceeded`,
      nested_count: aggregateSizeOf(value),
    };
  }
  const isObject = typeof value === 'object' && value !== null;
  if (isObject && walk.ancestors.has(value)) {
    return { error, message: 'Circular reference detected' };
  }

  const dict: ErrorDict = { error, message: clipText(errorMessageOf(value), MAX_MESSAGE_LENGTH) };
  if (isLionherdError(value)) addLibraryFields(dict, value);
  if (!isObject) return dict;

  walk.ancestors.add(value);
  let omitted = 0;
  if (children !== undefined) {
    const exceptions: ErrorDict[] = [];
    for (let index = 0; index < children.length && walk.nodesLeft > 0; index++) {
      exceptions.push(serializeNode(children[index], depth + 1, walk));
    }
    dict.exceptions = exceptions;
    omitted += aggregateSizeOf(value) - exceptions.length;
  }
  const cause = errorCauseOf(value);
  if (cause !== undefined) {
    if (walk.nodesLeft > 0) dict.cause = serializeNode(cause, depth + 1, walk);
    else omitted += 1;
  }
  walk.ancestors.delete(value);
  if (omitted > 0) dict.omitted_count = omitted;
  return dict;
}

function addLibraryFields(dict: ErrorDict, error: object): void {
  const retryable = tryRead(() => (error as { retryable?: unknown }).retryable);
  if (typeof retryable === 'boolean') dict.retryable = retryable;
  const details = tryRead(() => (error as { details?: unknown }).details);
  if (typeof details !== 'object' || details === null) return;
  if (tryRead(() => Object.keys(details).length) === 0) return;
  const safe = toJsonSafe(details);
  const length = JSON.stringify(safe).length;
  dict.details =
    typeof safe === 'object' &&
    safe !== null &&
    !Array.isArray(safe) &&
    length <= MAX_DETAILS_LENGTH
      ? safe
      : { omitted: `details too large or not an object (${length} characters)` };
}

function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… [${text.length - limit} more characters]`;
}
