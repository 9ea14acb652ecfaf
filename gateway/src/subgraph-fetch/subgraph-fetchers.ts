import type { BreakerState } from './circuit-breaker';
import { DEFAULT_RESILIENCE, resilienceFor, type ResilienceConfig } from './resilience-config';
import { createSubgraphFetcher, type FetchObserver, type SubgraphFetcher } from './subgraph-fetcher';

/**
 * The gateway's fetchers, one per subgraph, each with its own pool and breaker, made on first
 * use. The one place that sees them all: metrics read breaker states here, shutdown closes here.
 */
export interface SubgraphFetchers {
  forSubgraph(subgraph: string): SubgraphFetcher;
  /** Each subgraph fetched so far, and whether the gateway is calling it (closed) or not (open). */
  breakerStates(): Record<string, BreakerState>;
  close(): Promise<void>;
}

export function createSubgraphFetchers(
  config: ResilienceConfig = DEFAULT_RESILIENCE,
  options: { onFetch?: FetchObserver } = {},
): SubgraphFetchers {
  const fetchers = new Map<string, SubgraphFetcher>();
  return {
    forSubgraph(subgraph) {
      let fetcher = fetchers.get(subgraph);
      if (!fetcher) {
        fetcher = createSubgraphFetcher({
          subgraph,
          settings: resilienceFor(config, subgraph),
          onFetch: options.onFetch,
        });
        fetchers.set(subgraph, fetcher);
      }
      return fetcher;
    },
    breakerStates() {
      return Object.fromEntries([...fetchers].map(([subgraph, fetcher]) => [subgraph, fetcher.breakerState()]));
    },
    async close() {
      await Promise.all([...fetchers.values()].map((fetcher) => fetcher.close()));
    },
  };
}
