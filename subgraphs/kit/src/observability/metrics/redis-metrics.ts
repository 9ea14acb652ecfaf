import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Whether each use of Redis (rate limits, cached answers) is being served by Redis right now,
 * read at every scrape: 1 up, 0 carrying on without it. A use with no Redis configured has no
 * series, so `jembatan_redis_up == 0` is the alert.
 */
export function observeRedis(registry: Registry, uses: () => Record<string, boolean | undefined>): void {
  new Gauge({
    name: 'jembatan_redis_up',
    help: 'Whether Redis serves this use of it now (1) or the service carries on without it (0)',
    labelNames: ['use'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [use, up] of Object.entries(uses())) if (up !== undefined) this.set({ use }, up ? 1 : 0);
    },
  });
}

/** Hits, misses and failed stores of the gateway's response cache. */
export function responseCacheEventCounter(registry: Registry): (event: string) => void {
  const counter = new Counter({
    name: 'jembatan_response_cache_events_total',
    help: "The gateway's cache of answers the subgraphs declare public: hits, misses, and stores that failed (Redis away)",
    labelNames: ['event'] as const,
    registers: [registry],
  });
  return (event) => counter.inc({ event });
}
