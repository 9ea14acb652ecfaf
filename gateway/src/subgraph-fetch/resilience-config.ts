import { ConfigurationError, readEnvironment } from '@jembatan/kit/http';
import { z } from 'zod';
import { REGISTERED_AGENCIES, type RegisteredAgency } from '@jembatan/subgraph-registry/agencies';

/** How the gateway calls one subgraph: deadline, retries, connection pool and circuit breaker. */
export interface SubgraphResilience {
  /** The whole budget of one subgraph fetch, retries and their pauses included. */
  timeoutMs: number;
  /** Extra attempts after the first, for queries only. */
  retries: number;
  /** The first retry waits up to this long; each later one up to twice the previous (full jitter). */
  retryBaseDelayMs: number;
  /** No single retry pause is longer than this. */
  retryMaxDelayMs: number;
  /** A `Retry-After` up to this long is honoured; a longer one ends the fetch at once. */
  retryAfterCapMs: number;
  /** Open TCP connections to the subgraph at most; further requests queue in the gateway. */
  maxConnections: number;
  /** Consecutive failed attempts that open the circuit. */
  breakerFailures: number;
  /** How long an open circuit fails fast before one probe is let through. */
  breakerHalfOpenAfterMs: number;
}

export interface ResilienceConfig {
  /** What every subgraph gets. */
  defaults: SubgraphResilience;
  /** Per subgraph name (`workforce`, `bpjs`), what differs from the defaults. */
  subgraphs: Record<string, Partial<SubgraphResilience>>;
}

export const DEFAULT_SUBGRAPH_RESILIENCE: SubgraphResilience = {
  // The slowest legitimate subgraph query (a GROUP BY over 280,000 rows) takes ~0.2 s; five
  // seconds is well over ten times that, and short enough that a person waiting gets the other
  // agency's data instead of a spinner when one agency hangs.
  timeoutMs: 5_000,
  // Three attempts in all: enough to ride over a keep-alive connection the subgraph just closed
  // or a rolling restart's brief 503, few enough not to triple the load on a struggling agency.
  retries: 2,
  // 0–100 ms, then 0–200 ms: all retries fit in a small part of the timeout.
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 1_000,
  // A subgraph asking for a longer pause than a person will wait gets none: we report it
  // unavailable instead of retrying early against its wish.
  retryAfterCapMs: 2_000,
  // Each subgraph answers from a database pool of 10 connections; 16 keeps it busy while a
  // burst of gateway traffic queues in the gateway rather than piling onto the agency.
  maxConnections: 16,
  // Five failed attempts in a row, with no success between them: one request against an agency
  // that refuses connections (two fetches, three attempts each) is enough to stop calling it.
  breakerFailures: 5,
  // Long enough for a crashed subgraph to restart (~2 s) and a saturated one to drain, short
  // enough that its data comes back within seconds of it recovering.
  breakerHalfOpenAfterMs: 10_000,
};

export const DEFAULT_RESILIENCE: ResilienceConfig = { defaults: DEFAULT_SUBGRAPH_RESILIENCE, subgraphs: {} };

/** The settings one subgraph runs with: its overrides over the defaults. */
export function resilienceFor(config: ResilienceConfig, subgraph: string): SubgraphResilience {
  return { ...config.defaults, ...config.subgraphs[subgraph] };
}

const millis = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Each registered agency's own deadline, `<PREFIX>_TIMEOUT_MS` (`WORKFORCE_TIMEOUT_MS`), when it
 * differs from SUBGRAPH_TIMEOUT_MS: an agency added with `pnpm new-subgraph` gets its variable
 * with no change here.
 */
function readTimeoutOverrides(
  env: Record<string, string | undefined>,
  agencies: readonly RegisteredAgency[],
): ResilienceConfig['subgraphs'] {
  return Object.fromEntries(
    agencies.map(({ name, envPrefix: p }) => {
      const values = readEnvironment(
        { [`${p}_TIMEOUT_MS`]: millis(50, 120_000).optional() },
        env,
        'subgraph resilience',
      ) as Record<string, number | undefined>;
      const timeoutMs = values[`${p}_TIMEOUT_MS`];
      return [name, timeoutMs === undefined ? {} : { timeoutMs }];
    }),
  );
}

/**
 * Reads how the gateway calls its subgraphs from the environment, each variable optional with a
 * default; fails naming the bad variable.
 */
export function readResilienceConfig(
  env: Record<string, string | undefined>,
  agencies: readonly RegisteredAgency[] = REGISTERED_AGENCIES,
): ResilienceConfig {
  const defaults = DEFAULT_SUBGRAPH_RESILIENCE;
  const values = readEnvironment(
    {
      SUBGRAPH_TIMEOUT_MS: millis(50, 120_000).default(defaults.timeoutMs),
      SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(defaults.retries),
      SUBGRAPH_RETRY_BASE_DELAY_MS: millis(1, 10_000).default(defaults.retryBaseDelayMs),
      SUBGRAPH_RETRY_MAX_DELAY_MS: millis(1, 60_000).default(defaults.retryMaxDelayMs),
      SUBGRAPH_RETRY_AFTER_CAP_MS: millis(0, 60_000).default(defaults.retryAfterCapMs),
      SUBGRAPH_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_024).default(defaults.maxConnections),
      BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(defaults.breakerFailures),
      BREAKER_HALF_OPEN_AFTER_MS: millis(100, 600_000).default(defaults.breakerHalfOpenAfterMs),
    },
    env,
    'subgraph resilience',
  );
  if (values.SUBGRAPH_RETRY_MAX_DELAY_MS < values.SUBGRAPH_RETRY_BASE_DELAY_MS) {
    throw new ConfigurationError('subgraph resilience', [
      `SUBGRAPH_RETRY_MAX_DELAY_MS: must be at least SUBGRAPH_RETRY_BASE_DELAY_MS (${values.SUBGRAPH_RETRY_BASE_DELAY_MS}), got ${values.SUBGRAPH_RETRY_MAX_DELAY_MS}`,
    ]);
  }
  return {
    defaults: {
      timeoutMs: values.SUBGRAPH_TIMEOUT_MS,
      retries: values.SUBGRAPH_RETRIES,
      retryBaseDelayMs: values.SUBGRAPH_RETRY_BASE_DELAY_MS,
      retryMaxDelayMs: values.SUBGRAPH_RETRY_MAX_DELAY_MS,
      retryAfterCapMs: values.SUBGRAPH_RETRY_AFTER_CAP_MS,
      maxConnections: values.SUBGRAPH_MAX_CONNECTIONS,
      breakerFailures: values.BREAKER_FAILURES,
      breakerHalfOpenAfterMs: values.BREAKER_HALF_OPEN_AFTER_MS,
    },
    subgraphs: readTimeoutOverrides(env, agencies),
  };
}
