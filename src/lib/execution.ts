import { serializeError, type ErrorDict } from './serialize/serializeError.ts';
import { toJsonSafe, type JsonValue } from './serialize/toJsonSafe.ts';
import { EventStatus } from './status.ts';
import { Unset, type MaybeUnset } from './unset.ts';

/** The JSON form of an execution: exactly these five keys, every `Unset` as `null`. */
export interface ExecutionDict {
  status: EventStatus;
  duration: number | null;
  response: JsonValue;
  error: ErrorDict | null;
  retryable: boolean | null;
}

/**
 * What happened when an event ran. Owned and written by its event; read it, don't write it.
 *
 * | field       | before the end | completed        | failed / cancelled / aborted | skipped |
 * |-------------|----------------|------------------|------------------------------|---------|
 * | `duration`  | `Unset`        | seconds          | seconds                      | `0`     |
 * | `response`  | `Unset`        | the value        | `Unset`                      | `Unset` |
 * | `error`     | `Unset`        | `null`           | the thrown value             | `null`  |
 * | `retryable` | `Unset`        | `false`          | by the retryability rule     | `false` |
 */
export class Execution<TResponse = unknown> {
  status: EventStatus = EventStatus.PENDING;
  /** Seconds spent processing; `0` for an event that ended without running. */
  duration: MaybeUnset<number> = Unset;
  /** The value the work returned; `null` is a real result, `Unset` means none. */
  response: MaybeUnset<TResponse> = Unset;
  /** `null` after success, the captured thrown value after a failure, `Unset` before the end. */
  error: unknown = Unset;
  retryable: MaybeUnset<boolean> = Unset;

  /**
   * `{ status, duration, response, error, retryable }`, JSON-safe and bounded; never throws.
   *
   * ```ts
   * await event.invoke();
   * event.execution.toDict();
   * // { status: 'completed', duration: 0.000021, response: 42, error: null, retryable: false }
   * ```
   */
  toDict(): ExecutionDict {
    // `null` means "no error" only after success or a skip; a failure may have thrown `null`.
    const noError =
      this.error === Unset ||
      (this.error === null &&
        (this.status === EventStatus.COMPLETED || this.status === EventStatus.SKIPPED));
    return {
      status: this.status,
      duration: this.duration === Unset ? null : (this.duration as number),
      response: this.response === Unset ? null : toJsonSafe(this.response),
      error: noError ? null : serializeError(this.error),
      retryable: this.retryable === Unset ? null : (this.retryable as boolean),
    };
  }
}
