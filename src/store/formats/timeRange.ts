/**
 * The times a record may carry. Imports refuse anything outside this range (a transition at
 * `1e300` or `-5`, a duration longer than the calendar), so what is stored can always be
 * written as an ISO date; exports still clamp, in case an older history holds such a value.
 */

/** 9999-12-31T23:59:59.999Z: the last instant a four-digit ISO year can write. */
export const LATEST_EPOCH_MS = 253_402_300_799_999;

/** Epoch milliseconds between 1970 and the end of year 9999. */
export function isEpochMs(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= LATEST_EPOCH_MS;
}

/** A duration in seconds that fits the same calendar. */
export function isDurationSeconds(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= LATEST_EPOCH_MS / 1000;
}

/** `ms` moved into the range a date can be written in (`NaN` becomes 0). */
export function clampEpochMs(ms: number): number {
  if (Number.isNaN(ms)) return 0;
  return Math.min(Math.max(ms, 0), LATEST_EPOCH_MS);
}

/** The ISO form of `ms`, clamped into range, so it never throws. */
export function safeIsoString(ms: number): string {
  return new Date(clampEpochMs(ms)).toISOString();
}
