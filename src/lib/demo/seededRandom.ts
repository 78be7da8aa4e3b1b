/**
 * A small, fast, seeded source of randomness in `[0, 1)` (mulberry32), so that a lesson link or
 * a test replays the same draws. Not for anything secret.
 *
 * ```ts
 * const random = seededRandom(42);
 * new FlakyEvent({ random }); // fails or succeeds the same way on every run with seed 42
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = Math.trunc(Number.isFinite(seed) ? seed : 0) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
