import { Counter, Histogram, type Registry } from 'prom-client';
import { registeredMetric } from './registered-metric';

/**
 * How one fetch from the gateway to a subgraph ended: `ok`, or why it produced no usable answer
 * (the gateway's SubgraphFailureKind): `timeout`, `connection` (refused, reset, cut short),
 * `server-error` (5xx), `rate-limited` (429), `invalid-response` (2xx that is not a JSON object),
 * `refused` (another 4xx), `circuit-open` (not sent: the subgraph's circuit breaker is open).
 * A closed list, so the label cannot grow.
 */
export type SubgraphFetchOutcome =
  'ok' | 'timeout' | 'connection' | 'server-error' | 'rate-limited' | 'invalid-response' | 'refused' | 'circuit-open';

export type ObserveSubgraphFetch = (serviceName: string, seconds: number, outcome: SubgraphFetchOutcome) => void;

/**
 * The gateway's view of each subgraph: latency of every fetch and a count of the failed ones. The
 * fetcher that calls the subgraphs reports each fetch through the returned function, once, when
 * it has ended (a retried fetch is reported once per attempt).
 */
export function subgraphFetchMetrics(registry: Registry): ObserveSubgraphFetch {
  const duration = registeredMetric(
    registry,
    'jembatan_subgraph_fetch_duration_seconds',
    () =>
      new Histogram({
        name: 'jembatan_subgraph_fetch_duration_seconds',
        help: 'Time the gateway waited for one fetch from a subgraph, by subgraph and outcome',
        labelNames: ['subgraph', 'outcome'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
  );
  const failures = registeredMetric(
    registry,
    'jembatan_subgraph_fetch_failures_total',
    () =>
      new Counter({
        name: 'jembatan_subgraph_fetch_failures_total',
        help: 'Fetches from a subgraph that did not succeed, by subgraph and outcome',
        labelNames: ['subgraph', 'outcome'] as const,
        registers: [registry],
      }),
  );
  return (serviceName, seconds, outcome) => {
    const labels = { subgraph: serviceName, outcome };
    duration.observe(labels, seconds);
    if (outcome !== 'ok') failures.inc(labels);
  };
}
