import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { connectRedis } from '@jembatan/kit/http';
import type { Logger } from '@jembatan/kit/log';
import type { GatewayContext } from '../context';
import { FailSoftCache } from './fail-soft-cache';
import { RedisKeyValueCache } from './redis-key-value-cache';
import { DEFAULT_RESPONSE_CACHE_KEY_PREFIX } from './response-cache-config';
import { clientsNeverStore, responseCachePlugin, type ResponseCacheEvent } from './response-cache-plugin';

export interface ResponseCacheOptions {
  /** The longest an answer is reused, whatever the subgraphs' hints allow; 0 turns the cache off. */
  ttlSeconds: number;
  /** Shares the answers between gateway replicas; absent, each keeps its own in memory. */
  redisUrl?: string;
  keyPrefix?: string;
  logger: Logger;
  /** Each hit, miss and failed Redis command: counters for metrics. */
  onEvent?: (event: ResponseCacheEvent) => void;
}

export interface ResponseCache {
  /** Install after the plugins that may refuse a request (limits, trusted operations). */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Whether the shared cache in Redis is in use; undefined when no Redis is configured. */
  redisUp(): boolean | undefined;
  close(): Promise<void>;
}

/**
 * A cache a Redis read should never be slower than: a miss costs one subgraph round trip, and an
 * aggregate that takes longer to answer is kept as a summary by its agency.
 */
const REDIS_COMMAND_TIMEOUT_MS = 200;

/**
 * The gateway's cache of the answers the subgraphs declare public (see responseCachePlugin for what
 * is cached, and for whom): in this process's memory, or with Redis shared by every replica. If Redis goes away,
 * reads are misses and writes are skipped, so the gateway answers from the subgraphs; it uses
 * Redis again as soon as Redis is back.
 */
export async function createResponseCache(options: ResponseCacheOptions): Promise<ResponseCache> {
  const { ttlSeconds, logger, onEvent } = options;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0) throw new Error('ttlSeconds must be a whole number ≥ 0');
  if (ttlSeconds === 0) return { plugin: clientsNeverStore, redisUp: () => undefined, close: async () => {} };

  if (!options.redisUrl) {
    return {
      // Apollo's LRU holds at most about 30 MB of answers, dropping the least recently asked first.
      plugin: responseCachePlugin({ cache: new InMemoryLRUCache(), ttlSeconds, onEvent }),
      redisUp: () => undefined,
      close: async () => {},
    };
  }
  const redis = await connectRedis({ url: options.redisUrl, logger, commandTimeoutMs: REDIS_COMMAND_TIMEOUT_MS });
  const keyPrefix = `${options.keyPrefix ?? DEFAULT_RESPONSE_CACHE_KEY_PREFIX}:`;
  const cache = new FailSoftCache(new RedisKeyValueCache(redis.client, keyPrefix, ttlSeconds), {
    logger,
    onFailure: () => onEvent?.('store_failed'),
  });
  return {
    plugin: responseCachePlugin({ cache, ttlSeconds, onEvent }),
    redisUp: () => redis.isUp(),
    async close() {
      redis.close();
    },
  };
}
