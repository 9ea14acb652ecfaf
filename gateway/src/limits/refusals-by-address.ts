import type { IncomingMessage } from 'node:http';
import { RequestRejectedError } from '@jembatan/kit/http';
import type { Logger } from '@jembatan/kit/log';
import { clientAddressOf, type TrustedProxies } from './client-address';
import type { RateLimitConfig } from './limits-config';
import { admitOrRefuse } from './rate-limit-refusal';
import { createRateLimiter, type CallerRateLimiter } from './rate-limiter';

export interface RefusalsByAddressOptions {
  /** Counts refusals per client address, apart from the per-caller limit. */
  limiter: CallerRateLimiter;
  trustedProxies: TrustedProxies;
}

/**
 * Counts the requests `admit` refuses (no valid token, a purpose not allowed, …) per client
 * address: a refused request names no caller, so the per-caller limit never sees it, and a
 * client could otherwise probe tokens and purposes without end. Past the address's budget, its
 * refusals are answered 429 RATE_LIMITED instead. Only refusals count: callers with valid
 * tokens behind the same address (an office's NAT, a proxy not configured as trusted) are
 * never held up by someone else's mistakes, and they cost no extra Redis round trip.
 */
export function limitRefusalsByAddress<TContext>(
  options: RefusalsByAddressOptions,
  admit: (request: IncomingMessage) => Promise<TContext>,
): (request: IncomingMessage) => Promise<TContext> {
  return async (request) => {
    try {
      return await admit(request);
    } catch (error) {
      if (!(error instanceof RequestRejectedError) || error.code === 'RATE_LIMITED') throw error;
      await admitOrRefuse(options.limiter, clientAddressOf(request, options.trustedProxies));
      throw error;
    }
  };
}

/** The limiter behind limitRefusalsByAddress: the per-caller limit's window and Redis, its own keys. */
export const createRefusalRateLimiter = (config: RateLimitConfig, logger?: Logger): Promise<CallerRateLimiter> =>
  createRateLimiter({
    points: config.refusalsPerAddress,
    windowSeconds: config.windowSeconds,
    redisUrl: config.redisUrl,
    keyPrefix: `${config.keyPrefix}:refused-by-address`,
    logger,
  });
