import { describe, expect, it } from 'vitest';
import { queueSettings } from './queueSettings.ts';
import { redactRedisUrl, redisOptionsFromUrl } from './redisUrl.ts';

describe('which queues the receiver watches', () => {
  it('takes --redis and --queue, comma lists included', () => {
    expect(queueSettings({ redis: 'redis://r:6379', queue: ['a,b', 'c'] }, {})).toEqual({
      redisUrl: 'redis://r:6379',
      queues: ['a', 'b', 'c'],
    });
  });

  it('falls back to LIFECYCLE_LAB_REDIS_URL and LIFECYCLE_LAB_QUEUES', () => {
    const env = { LIFECYCLE_LAB_REDIS_URL: 'redis://env:1', LIFECYCLE_LAB_QUEUES: 'x, y' };
    expect(queueSettings({}, env)).toEqual({ redisUrl: 'redis://env:1', queues: ['x', 'y'] });
  });

  it('watches nothing without a Redis, and says what is missing when half is given', () => {
    expect(queueSettings({}, {})).toBeNull();
    expect(() => queueSettings({ queue: ['a'] }, {})).toThrow(/--queue needs --redis/);
    expect(() => queueSettings({ redis: 'redis://r' }, {})).toThrow(/--redis needs the queues/);
  });

  it('reads credentials from the URL and tells only where Redis is', () => {
    const url = 'rediss://user:p%40ss@cache.internal:6380/2';
    expect(redisOptionsFromUrl(url)).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
    });
    expect(redactRedisUrl(url)).toBe('rediss://cache.internal:6380/2');
    expect(() => redisOptionsFromUrl('http://x')).toThrow(/redis:\/\//);
  });
});
