import { readEnvironment } from '@jembatan/kit/http';
import { z } from 'zod';

export interface ResponseCacheConfig {
  /** The longest an answer is reused, whatever the subgraphs' hints allow; 0 turns the cache off. */
  ttlSeconds: number;
  /** Shares the answers between gateway replicas; absent, each replica keeps its own in memory. */
  redisUrl: string | undefined;
  /** Namespaces the Redis keys, so deployments (and parallel test runs) sharing a Redis never collide. */
  keyPrefix: string;
}

/**
 * A minute, as the agencies hint their aggregates: the figures change when an agency loads data,
 * not from one second to the next, and a dashboard refreshing every few seconds then costs each
 * agency one query a minute.
 */
export const DEFAULT_RESPONSE_CACHE_TTL_SECONDS = 60;
/** An hour at most: this cache spares the agencies repeated questions; it is not a data store. */
export const MAX_RESPONSE_CACHE_TTL_SECONDS = 3600;
export const DEFAULT_RESPONSE_CACHE_KEY_PREFIX = 'jembatan:gateway:response-cache';

/** Reads the response cache's settings from the environment; fails naming the bad variable. */
export function readResponseCacheConfig(env: Record<string, string | undefined>): ResponseCacheConfig {
  const values = readEnvironment(
    {
      RESPONSE_CACHE_TTL_SECONDS: z.coerce
        .number()
        .int()
        .min(0)
        .max(MAX_RESPONSE_CACHE_TTL_SECONDS)
        .default(DEFAULT_RESPONSE_CACHE_TTL_SECONDS),
      RESPONSE_CACHE_KEY_PREFIX: z.string().min(1).default(DEFAULT_RESPONSE_CACHE_KEY_PREFIX),
      REDIS_URL: z
        .url({ protocol: /^rediss?$/ })
        .describe('a Redis URL such as redis://127.0.0.1:6379 or rediss://user:password@cache.internal:6380')
        .optional(),
    },
    env,
    'gateway response cache',
  );
  return {
    ttlSeconds: values.RESPONSE_CACHE_TTL_SECONDS,
    redisUrl: values.REDIS_URL,
    keyPrefix: values.RESPONSE_CACHE_KEY_PREFIX,
  };
}
