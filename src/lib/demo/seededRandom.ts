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

/**
 * The seed of the `index`-th event (0-based) of a burst launched with one `seed`: the seed
 * itself for the first, so a single launch replays as before, and a seed derived from both for
 * the others, so a burst of flaky events does not toss the same coin N times yet replays
 * exactly from the same seed.
 *
 * ```ts
 * burstSeed(3, 0); // 3
 * burstSeed(3, 1) !== burstSeed(3, 2); // true, and the same on every run
 * ```
 */
export function burstSeed(seed: number, index: number): number {
  if (index === 0) return seed;
  const mixed = (Math.trunc(seed) + Math.imul(index, 0x9e3779b9)) >>> 0;
  return Math.floor(seededRandom(mixed)() * 4_294_967_296);
}
