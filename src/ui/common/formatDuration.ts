/**
 * Seconds as people read them, the one duration format of the dashboard: `850 ms`, `1.24 s`,
 * `2 min 05 s`. Under a second in whole milliseconds, then seconds with two decimals.
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 1) return `${String(Math.round(seconds * 1000))} ms`;
  if (seconds < 60) return `${seconds.toFixed(2)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.floor(seconds % 60);
  return `${String(minutes)} min ${String(rest).padStart(2, '0')} s`;
}

/** A time offset from an event's start in the same format: `+0 ms`, `+12 ms`, `+1.20 s`. */
export function formatOffset(ms: number): string {
  return `+${formatSeconds(Math.max(0, ms) / 1000)}`;
}
