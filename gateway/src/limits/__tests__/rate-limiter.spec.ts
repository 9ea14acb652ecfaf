import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DisposableRedis, recordingLogger, TEST_REDIS_URL, testRedisPrefix } from '@jembatan/kit/testing';
import { redisKeyPrefixes } from '../../testing/redis-key-prefixes';
import { Redis } from 'ioredis';
import { createRateLimiter, type CallerRateLimiter } from '../rate-limiter';

const SHARED_REDIS = TEST_REDIS_URL;

const opened: CallerRateLimiter[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limiter) => limiter.close()));
});

async function limiter(options: Parameters<typeof createRateLimiter>[0]): Promise<CallerRateLimiter> {
  const created = await createRateLimiter(options);
  opened.push(created);
  return created;
}

const uniquePrefix = () => testRedisPrefix('rate');

async function consumeTimes(rateLimiter: CallerRateLimiter, caller: string, times: number) {
  const decisions = [];
  for (let i = 0; i < times; i += 1) decisions.push(await rateLimiter.consume(caller));
  return decisions;
}

describe('the rate limiter in memory', () => {
  it('refuses the call past the limit within the window, saying when to retry', async () => {
    const rateLimiter = await limiter({ points: 3, windowSeconds: 60 });
    const decisions = await consumeTimes(rateLimiter, 'alice', 4);
    expect(decisions.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    const refusal = decisions[3]!;
    expect(refusal.allowed).toBe(false);
    if (refusal.allowed) return;
    expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts each caller separately', async () => {
    const rateLimiter = await limiter({ points: 1, windowSeconds: 60 });
    expect(await rateLimiter.consume('alice')).toEqual({ allowed: true });
    expect((await rateLimiter.consume('alice')).allowed).toBe(false);
    expect(await rateLimiter.consume('bob')).toEqual({ allowed: true });
  });

  it('allows the caller again once the window has passed', async () => {
    const rateLimiter = await limiter({ points: 1, windowSeconds: 1 });
    await rateLimiter.consume('alice');
    expect(await rateLimiter.consume('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await sleep(1_100);
    expect(await rateLimiter.consume('alice')).toEqual({ allowed: true });
  });

  it('refuses limits that make no sense', async () => {
    await expect(createRateLimiter({ points: 0, windowSeconds: 60 })).rejects.toThrow('points');
    await expect(createRateLimiter({ points: 10, windowSeconds: 0.5 })).rejects.toThrow('windowSeconds');
  });
});

describe('the rate limiter on Redis', () => {
  const keyPrefixes = redisKeyPrefixes(SHARED_REDIS, 'rate');
  const probe = keyPrefixes.probe;
  afterAll(() => keyPrefixes.cleanUp());
  const sharedPrefix = () => keyPrefixes.next();

  it('shares the counts between gateway instances, in Redis, expiring with the window', async () => {
    const keyPrefix = sharedPrefix();
    const first = await limiter({ points: 3, windowSeconds: 60, redisUrl: SHARED_REDIS, keyPrefix });
    const second = await limiter({ points: 3, windowSeconds: 60, redisUrl: SHARED_REDIS, keyPrefix });
    expect(await consumeTimes(first, 'alice', 2)).toEqual([{ allowed: true }, { allowed: true }]);
    expect(await second.consume('alice')).toEqual({ allowed: true });
    expect((await second.consume('alice')).allowed).toBe(false);
    expect((await first.consume('alice')).allowed).toBe(false);
    expect(await first.consume('bob')).toEqual({ allowed: true });

    expect(await probe.get(`${keyPrefix}:alice`)).toBe('5');
    const ttl = await probe.ttl(`${keyPrefix}:alice`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('keeps deployments with different key prefixes apart', async () => {
    const one = await limiter({ points: 1, windowSeconds: 60, redisUrl: SHARED_REDIS, keyPrefix: sharedPrefix() });
    const other = await limiter({ points: 1, windowSeconds: 60, redisUrl: SHARED_REDIS, keyPrefix: sharedPrefix() });
    expect(await one.consume('alice')).toEqual({ allowed: true });
    expect(await other.consume('alice')).toEqual({ allowed: true });
  });

  it('keeps answering, and limiting, from memory when Redis cannot be reached', async () => {
    const { logger, messagesAt } = recordingLogger();
    const started = performance.now();
    const rateLimiter = await limiter({ points: 2, windowSeconds: 60, redisUrl: 'redis://127.0.0.1:1', logger });
    expect(performance.now() - started).toBeLessThan(2_500);
    for (const expected of [true, true, false]) {
      const before = performance.now();
      expect((await rateLimiter.consume('alice')).allowed).toBe(expected);
      expect(performance.now() - before).toBeLessThan(1_000);
    }
    expect(messagesAt('warn')).toContain('redis unavailable; carrying on without it until it returns');
  });
});

describe('the rate limiter through a Redis outage', () => {
  let redis: DisposableRedis;
  afterAll(() => redis?.kill());

  it('limits in memory while Redis is down and goes back to Redis when it returns', async () => {
    redis = await DisposableRedis.onFreePort();
    await redis.start();
    const probe = new Redis(redis.url, { lazyConnect: true });
    probe.on('error', () => {});
    const keyPrefix = uniquePrefix();
    const { logger, lines } = recordingLogger();
    const rateLimiter = await limiter({ points: 2, windowSeconds: 60, redisUrl: redis.url, keyPrefix, logger });

    expect(await rateLimiter.consume('alice')).toEqual({ allowed: true });
    expect(await probe.get(`${keyPrefix}:alice`)).toBe('1');
    probe.disconnect();

    await redis.kill();
    for (const expected of [true, true, false]) {
      const before = performance.now();
      expect((await rateLimiter.consume('bob')).allowed).toBe(expected);
      expect(performance.now() - before).toBeLessThan(1_000);
    }
    const warnings = () => lines.filter((line) => line.level === 'warn');
    await vi.waitFor(() => expect(warnings()).toHaveLength(1));

    await redis.start();
    const recovered = new Redis(redis.url);
    try {
      let counted: string | null = null;
      for (let attempt = 0; attempt < 50 && counted === null; attempt += 1) {
        await sleep(200);
        await rateLimiter.consume(`carol-${attempt}`);
        counted = await recovered.get(`${keyPrefix}:carol-${attempt}`);
      }
      expect(counted).toBe('1');
    } finally {
      recovered.disconnect();
    }
    // One line when Redis went away, one when it came back: not one per reconnection attempt.
    expect(warnings()).toHaveLength(1);
    expect(lines.filter((line) => line.message === 'redis connected')).toHaveLength(2);
  });
});
