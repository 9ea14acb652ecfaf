import { RequestRejectedError } from '@jembatan/kit/http';
import type { CallerRateLimiter } from './rate-limiter';

/** Counts one request against `key`'s budget; past it, refuses with 429 RATE_LIMITED and when to retry. */
export async function admitOrRefuse(limiter: CallerRateLimiter, key: string): Promise<void> {
  const decision = await limiter.consume(key);
  if (decision.allowed) return;
  throw new RequestRejectedError(429, 'RATE_LIMITED', 'Too many requests; retry later', {
    'retry-after': String(decision.retryAfterSeconds),
  });
}
