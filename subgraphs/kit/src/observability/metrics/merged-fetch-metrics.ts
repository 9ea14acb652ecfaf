import { Counter, type Registry } from 'prom-client';

/**
 * Fetches the gateway did not send because an identical one in flight brought an answer its
 * subgraph declared public: what in-flight deduplication saves each subgraph.
 */
export function mergedSubgraphFetchCounter(registry: Registry): (subgraph: string) => void {
  const counter = new Counter({
    name: 'jembatan_subgraph_fetches_merged_total',
    help: 'Subgraph fetches answered by an identical fetch in flight instead of being sent, by subgraph',
    labelNames: ['subgraph'] as const,
    registers: [registry],
  });
  return (subgraph) => counter.inc({ subgraph });
}

/**
 * Requests the gateway did not run because an identical request of the same caller in flight
 * brought an answer, their own audit records written first: what merging whole requests saves.
 */
export function mergedRequestCounter(registry: Registry): () => void {
  const counter = new Counter({
    name: 'jembatan_requests_merged_total',
    help: 'Requests answered by an identical request of the same caller in flight instead of being run',
    registers: [registry],
  });
  return () => counter.inc();
}
