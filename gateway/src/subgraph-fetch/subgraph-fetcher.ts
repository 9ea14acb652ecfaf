import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { createSubgraphBreaker, type BreakerState } from './circuit-breaker';
import { createConnectionPool } from './connection-pool';
import { operationTypeOfBody } from './operation-type';
import type { SubgraphResilience } from './resilience-config';
import { subgraphRetryPolicy } from './retry-policy';
import { attemptSubgraphRequest } from './subgraph-attempt';
import { SubgraphFailure, type SubgraphFailureKind } from './subgraph-failure';

/** The fetch function RemoteGraphQLDataSource calls for every subgraph request. */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];

export type FetchOutcome = 'ok' | SubgraphFailureKind;

/** Told once per subgraph fetch, retries included: for metrics. */
export type FetchObserver = (subgraph: string, durationMs: number, outcome: FetchOutcome) => void;

export interface SubgraphFetcher {
  readonly subgraph: string;
  /** Resolves to a 2xx JSON GraphQL response, or rejects with a SubgraphFailure. */
  readonly fetch: Fetcher;
  breakerState(): BreakerState;
  /**
   * Destroys the pooled connections, aborting fetches still running: the gateway closes them only
   * after its own HTTP drain, when no client is waiting for those answers any more.
   */
  close(): Promise<void>;
}

export interface SubgraphFetcherOptions {
  subgraph: string;
  settings: SubgraphResilience;
  onFetch?: FetchObserver;
  /** For tests of the jitter; Math.random otherwise. */
  random?: () => number;
}

/**
 * How the gateway calls one subgraph: every fetch has one deadline (`timeoutMs`) covering all its
 * attempts and pauses, queries are retried on transient failures (retry-policy.ts), every attempt
 * passes the subgraph's circuit breaker (circuit-breaker.ts), and all go over one bounded pool of
 * keep-alive connections (connection-pool.ts).
 */
export function createSubgraphFetcher({
  subgraph,
  settings,
  onFetch,
  random,
}: SubgraphFetcherOptions): SubgraphFetcher {
  const pool = createConnectionPool(settings.maxConnections);
  const breaker = createSubgraphBreaker(subgraph, settings);

  const report = (startedAt: number, outcome: FetchOutcome) => {
    try {
      onFetch?.(subgraph, performance.now() - startedAt, outcome);
    } catch {
      // A metrics hook that throws must not turn a good answer into a failure.
    }
  };

  const fetch: Fetcher = async (url, init = {}) => {
    const startedAt = performance.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
    const request = {
      subgraph,
      url: new URL(url),
      method: init.method ?? 'POST',
      headers: init.headers ?? {},
      body: init.body,
    };
    const policy = subgraphRetryPolicy({
      operationType: operationTypeOfBody(init.body),
      settings,
      remainingMs: () => settings.timeoutMs - (performance.now() - startedAt),
      random,
    });
    try {
      const response = await policy.execute(() =>
        breaker.execute(() => attemptSubgraphRequest(pool, request, deadline.signal)),
      );
      report(startedAt, 'ok');
      return response;
    } catch (error) {
      if (error instanceof SubgraphFailure) report(startedAt, error.kind);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    subgraph,
    fetch,
    breakerState: () => breaker.state(),
    close: () => pool.destroy(),
  };
}
