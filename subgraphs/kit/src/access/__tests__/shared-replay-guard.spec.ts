import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { connectRedis, type RedisConnection } from '../../redis/redis-connection';
import { recordingLogger, TEST_REDIS_URL, testRedisPrefix } from '../../testing';
import { LocalReplayGuard } from '../replay-guard';
import { createSharedReplayGuard } from '../shared-replay-guard';

const keyPrefix = testRedisPrefix('replay-guard');
const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true });
const connections: RedisConnection[] = [];
afterAll(async () => {
  const keys = await probe.keys(`${keyPrefix}:*`);
  if (keys.length > 0) await probe.del(...keys);
  probe.disconnect();
  for (const connection of connections) connection.close();
});

/** One subgraph replica's guard, with its own Redis connection. */
async function replica(url = TEST_REDIS_URL) {
  const redis = await connectRedis({ url, firstConnectionTimeoutMs: 1_000 });
  connections.push(redis);
  const { logger, messagesAt } = recordingLogger();
  return { guard: createSharedReplayGuard({ redis, keyPrefix, logger }), messagesAt };
}
const inThirtySeconds = () => Math.floor(Date.now() / 1000) + 30;

describe('the replay guard shared through Redis', () => {
  it('refuses on a second replica a token the first admitted', async () => {
    const [first, second] = [await replica(), await replica()];
    const id = randomUUID();
    expect(await first.guard.admit(id, inThirtySeconds())).toBe(true);
    expect(await second.guard.admit(id, inThirtySeconds())).toBe(false);
    expect(await first.guard.admit(id, inThirtySeconds())).toBe(false);
    expect([first.guard.shared(), second.guard.shared()]).toEqual([true, true]);
  });

  it('admits a token offered to several replicas at the same moment exactly once', async () => {
    const replicas = [await replica(), await replica(), await replica()];
    for (let round = 0; round < 20; round += 1) {
      const id = randomUUID();
      const expiry = inThirtySeconds();
      const admitted = await Promise.all(replicas.map(({ guard }) => guard.admit(id, expiry)));
      expect(admitted.filter(Boolean)).toHaveLength(1);
    }
  });

  it('keeps each id in Redis only until its token expires, with the clock tolerance', async () => {
    const { guard } = await replica();
    const id = randomUUID();
    await guard.admit(id, inThirtySeconds());
    const ttl = await probe.pttl(`${keyPrefix}:${id}`);
    expect(ttl).toBeGreaterThan(30_000);
    expect(ttl).toBeLessThanOrEqual(36_000);
  });

  it('falls back to this replica’s memory while Redis cannot answer, and says so', async () => {
    // A port nothing listens on: the connection never comes up.
    const { guard } = await replica('redis://127.0.0.1:1');
    const id = randomUUID();
    expect(guard.shared()).toBe(false);
    expect(await guard.admit(id, inThirtySeconds())).toBe(true);
    expect(await guard.admit(id, inThirtySeconds())).toBe(false);
  });

  it('goes back to Redis once it answers again', async () => {
    const { guard, messagesAt } = await replica();
    const redis = connections.at(-1)!;
    redis.client.disconnect(true);
    await expect.poll(() => redis.isUp(), { timeout: 5_000 }).toBe(false);
    const during = randomUUID();
    expect(await guard.admit(during, inThirtySeconds())).toBe(true);
    await expect.poll(() => redis.isUp(), { timeout: 5_000 }).toBe(true);
    const after = randomUUID();
    expect(await guard.admit(after, inThirtySeconds())).toBe(true);
    expect(await probe.exists(`${keyPrefix}:${after}`)).toBe(1);
    expect(guard.shared()).toBe(true);
    expect(messagesAt('error')).toEqual([]);
  });
});

describe('the per-replica replay guard', () => {
  it('refuses an id it has seen and is never shared', async () => {
    const guard = new LocalReplayGuard();
    expect(await guard.admit('a', inThirtySeconds())).toBe(true);
    expect(await guard.admit('a', inThirtySeconds())).toBe(false);
    expect(guard.shared()).toBeUndefined();
  });
});
