import { explainRetryable, type ErrorDict } from '../../lib';

/**
 * Errors as lionherd-core's `Execution.to_dict()` writes them, and the dashboard's form of
 * them. Python writes `{error: type(e).__name__, message: str(e)}`; a lionherd error adds
 * `retryable` and (when non-empty) `details`; an `ExceptionGroup` adds `exceptions`, and its
 * `str()` ends with ` (3 sub-exceptions)` or ` (1 sub-exception)`.
 */

/** A Python error as `Execution.to_dict()` writes it; unknown keys are kept. */
export interface PythonErrorDict {
  error: string;
  message: string;
  retryable?: boolean;
  details?: Record<string, unknown>;
  exceptions?: PythonErrorDict[];
  [key: string]: unknown;
}

/** Python's names of the aggregate error. */
const EXCEPTION_GROUPS = new Set(['ExceptionGroup', 'BaseExceptionGroup']);
const SUB_EXCEPTIONS_SUFFIX = / \((\d+) sub-exceptions?\)$/;

/**
 * The dashboard's form: a group becomes an `AggregateError` (the JavaScript name the error
 * tree and the core read) with Python's ` (N sub-exceptions)` taken off its message, when N
 * is the number of exceptions it holds. Names and messages are otherwise kept as written:
 * `KeyError` keeps its quotes (`'user_id'`), an empty message stays empty.
 */
export function fromPythonError(python: PythonErrorDict): ErrorDict {
  const { error, message, exceptions, ...rest } = python;
  const dict: ErrorDict = { ...(rest as Partial<ErrorDict>), error, message };
  if (exceptions !== undefined) dict.exceptions = exceptions.map(fromPythonError);
  if (EXCEPTION_GROUPS.has(error)) {
    dict.error = 'AggregateError';
    const count = SUB_EXCEPTIONS_SUFFIX.exec(message)?.[1];
    if (count !== undefined && Number(count) === (exceptions?.length ?? 0)) {
      dict.message = message.replace(SUB_EXCEPTIONS_SUFFIX, '');
    }
  }
  return dict;
}

/** Python's form of a native error: an `AggregateError` is written as an `ExceptionGroup`. */
export function toPythonError(dict: ErrorDict): PythonErrorDict {
  const { error, message, exceptions, ...rest } = dict;
  const python: PythonErrorDict = { error, message, ...rest };
  if (exceptions !== undefined) {
    python.exceptions = exceptions.map(toPythonError);
    if (error === 'AggregateError') {
      python.error = 'ExceptionGroup';
      python.message = withSubExceptionCount(message, exceptions.length);
    }
  }
  // Key order as Python writes it: error, message, retryable, details, exceptions.
  return reorder(python, ['error', 'message', 'retryable', 'details', 'exceptions']);
}

/**
 * The verdict of an imported failure in words. The retryability Python recorded is the
 * verdict: lionherd-core decides it its own way (an `ExceptionGroup` is not retryable only
 * when one of its direct sub-exceptions is a lionherd error that says so; nested groups are
 * not looked into), so it is shown as recorded, with this dashboard's rule beside it only
 * when the two disagree.
 */
export function recordedVerdict(error: ErrorDict | null, retryable: boolean | null): string | null {
  if (error === null) return null;
  const ours = explainRetryable(toThrownShape(error));
  if (retryable === null)
    return `not recorded by lionherd-core; this dashboard's rule: ${ours.reason}`;
  const recorded = `${retryable ? 'retryable' : 'not retryable'}, as lionherd-core recorded it`;
  if (ours.retryable === retryable) return recorded;
  return `${recorded} (this dashboard's rule would say "${ours.reason}")`;
}

/** An error dict in the shape `explainRetryable` reads: `name`, `message`, `errors`. */
function toThrownShape(dict: ErrorDict): unknown {
  if (dict.exceptions !== undefined && dict.error === 'AggregateError') {
    return new AggregateError(dict.exceptions.map(toThrownShape), dict.message);
  }
  const shape: { name: string; message: string; retryable?: boolean } = {
    name: dict.error,
    message: dict.message,
  };
  if (dict.retryable !== undefined) shape.retryable = dict.retryable;
  return shape;
}

/**
 * Python's `str()` of an `ExceptionGroup`: `multiple errors (3 sub-exceptions)`. A message
 * that already ends so (the notebook's `MultiErrorEvent` copies Python's text) is kept as it
 * is rather than counted twice.
 */
function withSubExceptionCount(message: string, count: number): string {
  if (Number(SUB_EXCEPTIONS_SUFFIX.exec(message)?.[1]) === count) return message;
  return `${message} (${count} sub-exception${count === 1 ? '' : 's'})`;
}

function reorder<T extends object>(value: T, order: readonly string[]): T {
  const entries = Object.entries(value);
  const rank = (key: string): number => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries) as T;
}
