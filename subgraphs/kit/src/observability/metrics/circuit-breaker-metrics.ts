import { Gauge, type Registry } from 'prom-client';

export type CircuitState = 'closed' | 'open' | 'half-open';

const STATES: readonly CircuitState[] = ['closed', 'open', 'half-open'];

/**
 * The state of each subgraph's circuit breaker, read from `states` at every scrape. Reported the
 * Prometheus way for an enumeration: one series per state, 1 for the current one and 0 for the
 * others, so `jembatan_subgraph_circuit_state{state="open"} == 1` is the alert. One source per registry:
 * a second call throws, as prom-client refuses the same metric twice.
 */
export function observeCircuitBreakers(registry: Registry, states: () => Record<string, CircuitState>): void {
  new Gauge({
    name: 'jembatan_subgraph_circuit_state',
    help: "The gateway's circuit breaker for each subgraph: 1 for its current state, 0 for the others",
    labelNames: ['subgraph', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [subgraph, current] of Object.entries(states())) {
        for (const state of STATES) this.set({ subgraph, state }, state === current ? 1 : 0);
      }
    },
  });
}
