/**
 * A token bucket per key: `perSecond` requests on average, bursts up to `burst`. `take(key)`
 * returns `0` when the request may go ahead, or the seconds to wait before trying again.
 */
export interface RateLimiter {
  take(key: string): number;
}

export function createRateLimiter(
  perSecond: number,
  burst: number,
  now: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perSecond);
    },
  };
}
