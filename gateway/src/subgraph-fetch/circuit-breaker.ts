import { circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, isBrokenCircuitError } from 'cockatiel';
import type { SubgraphResilience } from './resilience-config';
import { countsAgainstBreaker, SubgraphFailure } from './subgraph-failure';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface SubgraphBreaker {
  /**
   * Runs one attempt through the breaker. While the circuit is open, fails at once with a
   * `circuit-open` SubgraphFailure without calling the subgraph.
   */
  execute<T>(attempt: () => Promise<T>): Promise<T>;
  state(): BreakerState;
}

/**
 * One subgraph's circuit breaker (cockatiel): after `breakerFailures` failed attempts in a row it
 * opens and stops calling the subgraph; after `breakerHalfOpenAfterMs` the next attempt is let
 * through as a probe (others wait for its outcome), and the circuit closes if it succeeds or opens
 * again if not. Only failures that say the subgraph is unhealthy count (see countsAgainstBreaker).
 */
export function createSubgraphBreaker(
  subgraph: string,
  settings: Pick<SubgraphResilience, 'breakerFailures' | 'breakerHalfOpenAfterMs'>,
): SubgraphBreaker {
  const policy = circuitBreaker(
    handleWhen((error) => error instanceof SubgraphFailure && countsAgainstBreaker(error)),
    { breaker: new ConsecutiveBreaker(settings.breakerFailures), halfOpenAfter: settings.breakerHalfOpenAfterMs },
  );
  return {
    async execute(attempt) {
      try {
        return await policy.execute(attempt);
      } catch (error) {
        if (isBrokenCircuitError(error)) throw new SubgraphFailure(subgraph, 'circuit-open', 'circuit open');
        throw error;
      }
    },
    state() {
      switch (policy.state) {
        case CircuitState.Closed:
          return 'closed';
        case CircuitState.HalfOpen:
          return 'half-open';
        default:
          // Open, or held open by hand (isolated): either way the subgraph is not being called.
          return 'open';
      }
    },
  };
}
