import type { ReadinessCheck } from '@jembatan/kit/http';
import { probeSubgraphReadiness } from './subgraph-probe';

export interface GatewayReadinessOptions {
  /** Whether the gateway holds a supergraph to plan queries with. */
  supergraphLoaded: () => boolean;
  /** Subgraph name → its GraphQL URL, as the gateway sends queries to it. */
  subgraphUrls: Record<string, string>;
  /** SUBGRAPH_PROBE_TIMEOUT_MS when absent. */
  probeTimeoutMs?: number;
}

/**
 * Longer than a subgraph's own checks take to time out (1 s), so a subgraph with a slow database
 * answers "not ready: database" rather than the gateway giving up on it first.
 */
export const SUBGRAPH_PROBE_TIMEOUT_MS = 2_000;

/**
 * The gateway is ready when it has a supergraph and every subgraph in it is ready: each is a
 * check of its own (`subgraph:bpjs`), so the report names which agency is missing.
 */
export function gatewayReadinessChecks(options: GatewayReadinessOptions): ReadinessCheck[] {
  const timeoutMs = options.probeTimeoutMs ?? SUBGRAPH_PROBE_TIMEOUT_MS;
  return [
    {
      name: 'supergraph',
      async run() {
        if (!options.supergraphLoaded()) throw new Error('no supergraph loaded yet');
      },
    },
    ...Object.entries(options.subgraphUrls).map(([name, url]): ReadinessCheck => ({
      name: `subgraph:${name}`,
      timeoutMs,
      run: (signal) => probeSubgraphReadiness(url, signal),
    })),
  ];
}
