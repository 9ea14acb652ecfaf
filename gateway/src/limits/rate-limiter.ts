import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { connectRedis } from '@jembatan/kit/http';
import type { Logger } from '@jembatan/kit/log';

export interface RateLimiterOptions {
  /** Requests each caller may make per window. */
  points: number;
  windowSeconds: number;
  /** Shares the counts between gateway instances; without it each instance counts on its own. */
  redisUrl?: string;
  /** Namespaces the Redis keys, so deployments (and parallel test runs) sharing a Redis never collide. */
  keyPrefix?: string;
  logger?: Logger;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface CallerRateLimiter {
  /** Counts one request of the caller and says whether it may go ahead. */
  consume(callerKey: string): Promise<RateDecision>;
  /** Whether the shared counts in Redis are in use; undefined when no Redis is configured. */
  redisUp(): boolean | undefined;
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT_KEY_PREFIX = 'jembatan:gateway:rate';

function callerRateLimiter(
  limiter: RateLimiterAbstract,
  close: () => void,
  redisUp: () => boolean | undefined = () => undefined,
): CallerRateLimiter {
  return {
    redisUp,
    async consume(callerKey) {
      try {
        await limiter.consume(callerKey);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        // Retry-After is in whole seconds; rounding down could send the caller back too early.
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
    async close() {
      close();
    },
  };
}

/**
 * A fixed-window limit of requests per caller. With Redis, every gateway instance shares the
 * counts; if Redis goes away, an in-memory limiter with the same limits takes over (each
 * instance then limits on its own, which is looser, but the gateway keeps serving), and Redis
 * takes back over when it returns.
 */
export async function createRateLimiter(options: RateLimiterOptions): Promise<CallerRateLimiter> {
  if (!Number.isInteger(options.points) || options.points < 1) throw new Error('points must be a positive integer');
  if (!Number.isInteger(options.windowSeconds) || options.windowSeconds < 1) {
    throw new Error('windowSeconds must be a positive integer');
  }
  const limits = {
    points: options.points,
    duration: options.windowSeconds,
    keyPrefix: options.keyPrefix ?? DEFAULT_RATE_LIMIT_KEY_PREFIX,
  };
  const memory = new RateLimiterMemory(limits);
  if (!options.redisUrl) return callerRateLimiter(memory, () => {});

  const redis = await connectRedis({ url: options.redisUrl, logger: options.logger });
  const shared = new RateLimiterRedis({
    ...limits,
    storeClient: redis.client,
    // Not connected: go straight to the insurance limiter instead of failing the command.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
    // A caller over the limit is refused from memory for the rest of the window, so one
    // client hammering the gateway costs Redis nothing more.
    inMemoryBlockOnConsumed: options.points + 1,
  });
  return callerRateLimiter(
    shared,
    () => redis.close(),
    () => redis.isUp(),
  );
}
