import { readEnvironment } from '@jembatan/kit/http';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_OPERATION_MANIFEST_PATH } from './operation-manifest';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import { trustedProxyProblem } from './client-address';
import { DEFAULT_RATE_LIMIT_KEY_PREFIX } from './rate-limiter';

export interface RateLimitConfig {
  points: number;
  windowSeconds: number;
  /** Absent: each gateway instance counts in its own memory. */
  redisUrl: string | undefined;
  keyPrefix: string;
  /** Refused requests (401, 400/403 for the purpose) each client address may make per window. */
  refusalsPerAddress: number;
}

export interface LimitsConfig {
  queryLimits: QueryLimits;
  rateLimit: RateLimitConfig;
  /** Browser origins allowed to call the gateway; empty allows none. */
  corsOrigins: readonly string[];
  trustedOperations: { enforce: boolean; manifestPath: string };
  /** Addresses and CIDR blocks whose X-Forwarded-For names the client; empty trusts none. */
  trustedProxies: readonly string[];
}

/**
 * 300 requests a minute per caller: a person paging through screens makes a few a second at
 * most, a script gets five a second sustained.
 */
export const DEFAULT_RATE_LIMIT = { points: 300, windowSeconds: 60 };

/**
 * 60 refused requests a minute per client address: a person whose token expired is refused
 * once or twice before signing in again, a misconfigured script a few times; a prober is not.
 */
export const DEFAULT_REFUSALS_PER_ADDRESS = 60;

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** `https://hr.example.go.id` or `http://localhost:5173`: scheme, host and port, nothing more. */
const origin = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'must be an origin: scheme, host and optional port, without a path or trailing slash');

/** `10.0.0.7`, `10.0.0.0/8`, `fd00::/8`: a proxy's address or a block of them. */
const trustedProxy = z.string().superRefine((value, context) => {
  const problem = trustedProxyProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const commaSeparated = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * Reads the gateway's limits from the environment, each optional with a default; fails naming
 * the bad variable. Trusted operations are enforced by default in production only, so the
 * playground works out of the box in development.
 */
export function readLimitsConfig(env: Record<string, string | undefined>): LimitsConfig {
  const values = readEnvironment(
    {
      GATEWAY_MAX_DEPTH: positiveInt(DEFAULT_QUERY_LIMITS.maxDepth),
      GATEWAY_MAX_ALIASES: positiveInt(DEFAULT_QUERY_LIMITS.maxAliases),
      GATEWAY_MAX_ROOT_FIELDS: positiveInt(DEFAULT_QUERY_LIMITS.maxRootFields),
      GATEWAY_MAX_TOKENS: positiveInt(DEFAULT_QUERY_LIMITS.maxTokens),
      GATEWAY_MAX_DIRECTIVES: positiveInt(DEFAULT_QUERY_LIMITS.maxDirectives),
      GATEWAY_MAX_COST: positiveInt(DEFAULT_QUERY_LIMITS.maxCost),
      RATE_LIMIT_POINTS: positiveInt(DEFAULT_RATE_LIMIT.points),
      RATE_LIMIT_WINDOW_SECONDS: positiveInt(DEFAULT_RATE_LIMIT.windowSeconds),
      RATE_LIMIT_KEY_PREFIX: z.string().min(1).default(DEFAULT_RATE_LIMIT_KEY_PREFIX),
      RATE_LIMIT_REFUSALS_PER_ADDRESS: positiveInt(DEFAULT_REFUSALS_PER_ADDRESS),
      TRUSTED_PROXIES: z.string().default('').transform(commaSeparated).pipe(z.array(trustedProxy)),
      REDIS_URL: z
        .url({ protocol: /^rediss?$/ })
        .describe('a Redis URL such as redis://127.0.0.1:6379 or rediss://user:password@cache.internal:6380')
        .optional(),
      CORS_ORIGINS: z.string().default('').transform(commaSeparated).pipe(z.array(origin)),
      TRUSTED_OPERATIONS: z.enum(['off', 'enforce']).default(env.NODE_ENV === 'production' ? 'enforce' : 'off'),
      TRUSTED_OPERATIONS_MANIFEST_PATH: z.string().min(1).default(DEFAULT_OPERATION_MANIFEST_PATH),
    },
    env,
    'gateway limits',
  );
  return {
    queryLimits: {
      maxDepth: values.GATEWAY_MAX_DEPTH,
      maxAliases: values.GATEWAY_MAX_ALIASES,
      maxRootFields: values.GATEWAY_MAX_ROOT_FIELDS,
      maxTokens: values.GATEWAY_MAX_TOKENS,
      maxDirectives: values.GATEWAY_MAX_DIRECTIVES,
      maxCost: values.GATEWAY_MAX_COST,
    },
    rateLimit: {
      points: values.RATE_LIMIT_POINTS,
      windowSeconds: values.RATE_LIMIT_WINDOW_SECONDS,
      redisUrl: values.REDIS_URL,
      keyPrefix: values.RATE_LIMIT_KEY_PREFIX,
      refusalsPerAddress: values.RATE_LIMIT_REFUSALS_PER_ADDRESS,
    },
    corsOrigins: values.CORS_ORIGINS,
    trustedOperations: {
      enforce: values.TRUSTED_OPERATIONS === 'enforce',
      manifestPath: resolve(values.TRUSTED_OPERATIONS_MANIFEST_PATH),
    },
    trustedProxies: values.TRUSTED_PROXIES,
  };
}
