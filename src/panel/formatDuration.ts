/** `0.0042` → `4.2 ms`, `0.25` → `250 ms`, `3.5` → `3.50 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 0.01) return `${(seconds * 1000).toFixed(1)} ms`;
  if (seconds < 1) return `${(seconds * 1000).toFixed(0)} ms`;
  return `${seconds.toFixed(2)} s`;
}
