import { toJsonSafe } from '../serialize/toJsonSafe.ts';

const LIONHERD_ERROR_BRAND = Symbol.for('lifecycle-lab.LionherdError');

/** Options shared by every library error. */
export interface LionherdErrorOptions {
  /** Structured context, shown by inspectors and kept in `toDict()` when non-empty. */
  details?: Record<string, unknown>;
  /** Overrides the class's default verdict for this one instance. */
  retryable?: boolean;
  /** The error that led to this one. */
  cause?: unknown;
}

/** The JSON form of a library error. */
export interface LionherdErrorDict {
  error: string;
  message: string;
  retryable: boolean;
  details?: Record<string, unknown>;
}

/**
 * Base class of the library's errors. Each carries a `retryable` verdict (a class default
 * that an instance may override) and structured `details`.
 *
 * ```ts
 * const error = new ConnectionError('upstream closed', { details: { host: 'api' } });
 * error.retryable; // true, the default for ConnectionError
 * error.toDict(); // { error: 'ConnectionError', message: 'upstream closed', retryable: true, details: { host: 'api' } }
 * ```
 */
export class LionherdError extends Error {
  /** Verdict used when an instance does not say otherwise. */
  static readonly defaultRetryable: boolean = false;

  override readonly name: string = 'LionherdError';
  readonly details: Readonly<Record<string, unknown>>;
  readonly retryable: boolean;

  constructor(message = '', options: LionherdErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details ?? {};
    this.retryable = options.retryable ?? new.target.defaultRetryable;
    // A brand rather than `instanceof`, so the check holds across duplicate copies of the package.
    Object.defineProperty(this, LIONHERD_ERROR_BRAND, { value: true });
  }

  /** `{ error, message, retryable, details? }`, JSON-safe; `details` only when non-empty. */
  toDict(): LionherdErrorDict {
    const dict: LionherdErrorDict = {
      error: this.name,
      message: this.message,
      retryable: this.retryable,
    };
    if (Object.keys(this.details).length > 0) {
      dict.details = toJsonSafe(this.details) as Record<string, unknown>;
    }
    return dict;
  }
}

/** `true` for errors of this library, even when they come from another copy of it. */
export function isLionherdError(value: unknown): value is LionherdError {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[LIONHERD_ERROR_BRAND] === true
    );
  } catch {
    return false;
  }
}
