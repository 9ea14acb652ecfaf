import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { observeRedis, responseCacheEventCounter } from '../metrics/redis-metrics';

describe('Redis in the metrics', () => {
  it('reports each use as up or down at every scrape, and leaves out uses without Redis', async () => {
    const registry = new Registry();
    let rateLimitsUp = true;
    observeRedis(registry, () => ({ rate_limits: rateLimitsUp, response_cache: undefined }));
    expect(await registry.metrics()).toMatch(/jembatan_redis_up\{use="rate_limits"\} 1/);
    rateLimitsUp = false;
    const scraped = await registry.metrics();
    expect(scraped).toMatch(/jembatan_redis_up\{use="rate_limits"\} 0/);
    expect(scraped).not.toMatch(/response_cache/);
  });

  it('counts response cache events by kind', async () => {
    const registry = new Registry();
    const count = responseCacheEventCounter(registry);
    count('hit');
    count('hit');
    count('store_failed');
    const scraped = await registry.metrics();
    expect(scraped).toMatch(/jembatan_response_cache_events_total\{event="hit"\} 2/);
    expect(scraped).toMatch(/jembatan_response_cache_events_total\{event="store_failed"\} 1/);
  });
});
