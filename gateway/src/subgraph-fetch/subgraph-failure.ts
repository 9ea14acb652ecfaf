/**
 * Why a subgraph fetch produced no usable answer. Metrics and logs see the kind; clients only see
 * SUBGRAPH_TIMEOUT or SUBGRAPH_UNAVAILABLE (see subgraph-error-response.ts).
 */
export type SubgraphFailureKind =
  /** The fetch's deadline passed: the subgraph accepted the request and did not answer in time. */
  | 'timeout'
  /** No connection, or it broke: refused, reset, closed before the answer was complete. */
  | 'connection'
  /** HTTP 5xx. */
  | 'server-error'
  /** HTTP 429. */
  | 'rate-limited'
  /** HTTP 2xx that is not a JSON object: an HTML error page, a truncated or non-JSON body. */
  | 'invalid-response'
  /** Another HTTP 4xx: the subgraph refused the request itself (a token or contract problem). */
  | 'refused'
  /** The circuit breaker is open: the subgraph was not called at all. */
  | 'circuit-open';

/**
 * A subgraph fetch that failed. Its message is for operators and names no URL, host or body, so
 * nothing sensitive leaks even if it is logged next to client data.
 */
export class SubgraphFailure extends Error {
  constructor(
    readonly subgraph: string,
    readonly kind: SubgraphFailureKind,
    detail: string,
    readonly details: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(`subgraph ${subgraph}: ${detail}`);
    this.name = 'SubgraphFailure';
  }
}

/** Failures that say the subgraph is unhealthy, as opposed to refusing one request or not being called. */
export function countsAgainstBreaker(failure: SubgraphFailure): boolean {
  return failure.kind !== 'refused' && failure.kind !== 'circuit-open';
}
