/** Records kept by default; the person can set another limit. */
export const DEFAULT_RETENTION = 100_000;
/** The smallest limit a person can set. */
export const MIN_RETENTION = 100;
/** The largest limit a person can set. */
export const MAX_RETENTION = 1_000_000;

/** Whether `value` is a limit a person may set. */
export function isRetention(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_RETENTION &&
    value <= MAX_RETENTION
  );
}
