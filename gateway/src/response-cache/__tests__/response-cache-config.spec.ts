import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESPONSE_CACHE_KEY_PREFIX,
  DEFAULT_RESPONSE_CACHE_TTL_SECONDS,
  readResponseCacheConfig,
} from '../response-cache-config';

describe('readResponseCacheConfig', () => {
  it('caches aggregates for a minute in memory by default', () => {
    expect(readResponseCacheConfig({})).toEqual({
      ttlSeconds: DEFAULT_RESPONSE_CACHE_TTL_SECONDS,
      redisUrl: undefined,
      keyPrefix: DEFAULT_RESPONSE_CACHE_KEY_PREFIX,
    });
    expect(DEFAULT_RESPONSE_CACHE_TTL_SECONDS).toBe(60);
  });

  it('reads every override, with Redis shared with the rate limits; an empty value is a default', () => {
    expect(
      readResponseCacheConfig({
        RESPONSE_CACHE_TTL_SECONDS: '15',
        RESPONSE_CACHE_KEY_PREFIX: 'staging:cache',
        REDIS_URL: 'rediss://cache.internal:6380/2',
      }),
    ).toEqual({ ttlSeconds: 15, redisUrl: 'rediss://cache.internal:6380/2', keyPrefix: 'staging:cache' });
    expect(readResponseCacheConfig({ RESPONSE_CACHE_TTL_SECONDS: '0' }).ttlSeconds).toBe(0);
    expect(readResponseCacheConfig({ RESPONSE_CACHE_TTL_SECONDS: '', REDIS_URL: '' })).toEqual(
      readResponseCacheConfig({}),
    );
  });

  it.each([
    ['RESPONSE_CACHE_TTL_SECONDS', '-1'],
    ['RESPONSE_CACHE_TTL_SECONDS', '2.5'],
    ['RESPONSE_CACHE_TTL_SECONDS', '3601'],
    ['RESPONSE_CACHE_TTL_SECONDS', 'a minute'],
    ['REDIS_URL', 'http://cache.internal:6379'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => readResponseCacheConfig({ [name]: value })).toThrow(name);
  });
});
