import type { OperationTypeNode } from 'graphql';
import { DelegateBackoff, handleWhen, noop, retry, type IPolicy, type IRetryBackoffContext } from 'cockatiel';
import type { SubgraphResilience } from './resilience-config';
import { jitteredBackoffMs } from './retry-delay';
import { SubgraphFailure } from './subgraph-failure';

/** Gateway-side statuses: the subgraph (or a proxy before it) may well answer the same request next time. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/**
 * Whether a failed attempt is the kind another attempt may cure. A plain 500, a body that is not
 * JSON or a timeout are not: the same request would most likely fail the same way, and a timeout
 * has used up the fetch's whole budget anyway.
 */
export function isTransientFailure(failure: SubgraphFailure): boolean {
  if (failure.kind === 'connection' || failure.kind === 'rate-limited') return true;
  return failure.kind === 'server-error' && TRANSIENT_STATUSES.has(failure.details.status ?? 0);
}

export interface RetryPolicyOptions {
  /** The operation type of the subgraph request; only queries are ever retried. */
  operationType: OperationTypeNode | undefined;
  settings: Pick<SubgraphResilience, 'retries' | 'retryBaseDelayMs' | 'retryMaxDelayMs' | 'retryAfterCapMs'>;
  /** What is left of the fetch's deadline, in milliseconds. */
  remainingMs: () => number;
  random?: () => number;
}

/**
 * The retry policy for one subgraph fetch. Mutations are never retried: a mutation that failed
 * on the way back may have been applied, and applying it twice is worse than reporting a failure.
 * Queries are retried on transient failures with jittered exponential backoff, or after exactly
 * the pause a 429's `Retry-After` asks for when that fits the cap and the remaining budget; no
 * pause ever outlasts the deadline.
 */
export function subgraphRetryPolicy({
  operationType,
  settings,
  remainingMs,
  random = Math.random,
}: RetryPolicyOptions): IPolicy {
  if (operationType !== 'query' || settings.retries === 0) return noop;
  const worthRetrying = (error: Error) => {
    if (!(error instanceof SubgraphFailure) || !isTransientFailure(error)) return false;
    const { retryAfterMs } = error.details;
    return retryAfterMs === undefined
      ? remainingMs() > 0
      : retryAfterMs <= Math.min(settings.retryAfterCapMs, remainingMs());
  };
  const backoff = new DelegateBackoff<IRetryBackoffContext<unknown>>(({ attempt, result }) => {
    const retryAfterMs =
      'error' in result && result.error instanceof SubgraphFailure && result.error.details.retryAfterMs;
    const pause = typeof retryAfterMs === 'number' ? retryAfterMs : jitteredBackoffMs(attempt, settings, random);
    return Math.max(0, Math.min(pause, remainingMs()));
  });
  return retry(handleWhen(worthRetrying), { maxAttempts: settings.retries, backoff });
}
