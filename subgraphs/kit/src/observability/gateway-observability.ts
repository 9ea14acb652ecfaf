import type { Logger } from '../log';
import { observeCircuitBreakers, type CircuitState } from './metrics/circuit-breaker-metrics';
import { observeRedis, responseCacheEventCounter } from './metrics/redis-metrics';
import { mergedRequestCounter, mergedSubgraphFetchCounter } from './metrics/merged-fetch-metrics';
import { createServiceMetrics } from './metrics/service-metrics';
import { subgraphFetchMetrics, type ObserveSubgraphFetch } from './metrics/subgraph-fetch-metrics';
import type { PublishedOperationOf } from './request-result';
import { createServiceObservability, type ServiceObservability } from './service-observability';

export interface GatewayObservability extends ServiceObservability {
  /** For the fetcher that calls the subgraphs: report each fetch once it has ended. */
  readonly observeSubgraphFetch: ObserveSubgraphFetch;
  /** For the circuit breakers: where to read each subgraph's state at every scrape (call once). */
  observeCircuitBreakers(states: () => Record<string, CircuitState>): void;
  /** For the users of Redis: where to read, at every scrape, whether each is served by it (call once). */
  observeRedis(uses: () => Record<string, boolean | undefined>): void;
  /** For the response cache: count each hit, miss and failed store. */
  readonly countResponseCacheEvent: (event: string) => void;
  /** For in-flight deduplication: count each fetch that took an identical fetch's answer. */
  readonly countMergedSubgraphFetch: (subgraph: string) => void;
  /** For merged requests: count each request that took an identical request's whole answer. */
  readonly countMergedRequest: () => void;
}

/** The gateway's observability: the service's, plus its view of each subgraph it calls. */
export function createGatewayObservability(options: {
  logger: Logger;
  /** The manifest operation a request ran, as the gateway decided it; null for ad-hoc ones. */
  publishedOperationOf: PublishedOperationOf;
  service?: string;
}): GatewayObservability {
  const registry = createServiceMetrics(options.service ?? 'gateway');
  return {
    ...createServiceObservability({
      registry,
      logger: options.logger,
      publishedOperationOf: options.publishedOperationOf,
    }),
    observeSubgraphFetch: subgraphFetchMetrics(registry),
    observeCircuitBreakers: (states) => observeCircuitBreakers(registry, states),
    observeRedis: (uses) => observeRedis(registry, uses),
    countResponseCacheEvent: responseCacheEventCounter(registry),
    countMergedSubgraphFetch: mergedSubgraphFetchCounter(registry),
    countMergedRequest: mergedRequestCounter(registry),
  };
}
