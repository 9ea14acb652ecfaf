import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DisposableRedis, recordingLogger, TEST_REDIS_URL, testRedisPrefix } from '@jembatan/kit/testing';
import { createResponseCache } from '../create-response-cache';
import type { ResponseCacheEvent } from '../response-cache-plugin';
import { startAggregateServer, type AggregateServer } from './aggregate-server';
import { redisKeyPrefixes } from '../../testing/redis-key-prefixes';

const SHARED_REDIS = TEST_REDIS_URL;
const STATISTICS = '{ workforceStatistics { unitCount workerCount } }';
const ANSWER = { workforceStatistics: { unitCount: 43, workerCount: 3000 } };

const started: AggregateServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
});

async function replica(redisUrl: string, keyPrefix: string, logger = recordingLogger().logger) {
  const events: ResponseCacheEvent[] = [];
  const server = await startAggregateServer(
    await createResponseCache({ ttlSeconds: 60, redisUrl, keyPrefix, logger, onEvent: (event) => events.push(event) }),
  );
  started.push(server);
  return { server, events };
}

describe('the response cache on Redis', () => {
  const keyPrefixes = redisKeyPrefixes(SHARED_REDIS, 'response-cache');
  const probe = keyPrefixes.probe;
  afterAll(() => keyPrefixes.cleanUp());
  const uniquePrefix = () => keyPrefixes.next();

  it('shares answers between gateway instances, in Redis, expiring with the TTL', async () => {
    const keyPrefix = uniquePrefix();
    const first = await replica(SHARED_REDIS, keyPrefix);
    const second = await replica(SHARED_REDIS, keyPrefix);
    expect(await first.server.send(STATISTICS)).toMatchObject({ data: ANSWER, cacheStatus: 'miss' });
    // The write goes to Redis in the background, after the answer.
    await vi.waitFor(async () => expect(await probe.keys(`${keyPrefix}:*`)).toHaveLength(1));
    expect(await second.server.send(STATISTICS)).toMatchObject({ data: ANSWER, cacheStatus: 'hit' });
    expect(second.server.executions()).toBe(0);

    const [key] = await probe.keys(`${keyPrefix}:*`);
    const ttl = await probe.ttl(key!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('keeps deployments with different key prefixes apart', async () => {
    const one = await replica(SHARED_REDIS, uniquePrefix());
    const other = await replica(SHARED_REDIS, uniquePrefix());
    await one.server.send(STATISTICS);
    await vi.waitFor(async () => expect((await one.server.send(STATISTICS)).cacheStatus).toBe('hit'));
    expect((await other.server.send(STATISTICS)).cacheStatus).toBe('miss');
  });

  it('answers without the cache when Redis cannot be reached', async () => {
    const { logger, lines } = recordingLogger();
    const { server, events } = await replica('redis://127.0.0.1:1', uniquePrefix(), logger);
    for (let i = 0; i < 3; i += 1) {
      const before = performance.now();
      expect(await server.send(STATISTICS)).toMatchObject({ data: ANSWER, cacheStatus: 'miss' });
      expect(performance.now() - before).toBeLessThan(500);
    }
    expect(server.executions()).toBe(3);
    expect(events.filter((event) => event === 'store_failed').length).toBeGreaterThanOrEqual(3);
    const unavailable = lines.filter((line) => line.message.startsWith('response cache unavailable'));
    expect(unavailable.map((line) => line.level)).toEqual(['warn']);
  });
});

describe('the response cache through a Redis outage', () => {
  let redis: DisposableRedis | undefined;
  afterAll(() => redis?.kill());

  it('misses while Redis is down, logs it once, and caches in Redis again when it returns', async () => {
    redis = await DisposableRedis.onFreePort();
    await redis.start();
    const { logger, lines } = recordingLogger();
    const { server, events } = await replica(redis.url, testRedisPrefix('response-cache'), logger);
    await server.send(STATISTICS);
    await vi.waitFor(async () => expect((await server.send(STATISTICS)).cacheStatus).toBe('hit'));

    await redis.kill();
    const executionsBefore = server.executions();
    for (let i = 0; i < 5; i += 1) {
      const before = performance.now();
      expect(await server.send(STATISTICS)).toMatchObject({ data: ANSWER, cacheStatus: 'miss' });
      expect(performance.now() - before).toBeLessThan(500);
    }
    expect(server.executions() - executionsBefore).toBe(5);
    expect(events).toContain('store_failed');
    const cacheLines = () =>
      lines
        .filter((line) => line.message.startsWith('response cache'))
        .map(({ level, message }) => ({ level, message }));
    expect(cacheLines()).toEqual([
      { level: 'warn', message: 'response cache unavailable; answering without it until it returns' },
    ]);

    // A fresh server: the cache returns empty, and fills again.
    await redis.start();
    await vi.waitFor(
      async () => {
        await server.send(STATISTICS);
        expect((await server.send(STATISTICS)).cacheStatus).toBe('hit');
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(cacheLines()).toEqual([
      { level: 'warn', message: 'response cache unavailable; answering without it until it returns' },
      { level: 'info', message: 'response cache available again' },
    ]);
  });
});
