import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

/**
 * Apollo's key-value cache interface over an ioredis client, every key under one prefix. Every
 * entry expires: a Redis shared by replicas and deployments must not fill with answers nobody
 * will ask for again, so an entry given no TTL gets `fallbackTtlSeconds`.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly client: Redis,
    private readonly keyPrefix: string,
    private readonly fallbackTtlSeconds: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.keyPrefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttlSeconds = Math.ceil(options?.ttl || this.fallbackTtlSeconds);
    await this.client.set(this.keyPrefix + key, value, 'EX', ttlSeconds);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.client.del(this.keyPrefix + key)) > 0;
  }
}
