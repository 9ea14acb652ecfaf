import { resolve } from 'node:path';
import { z } from 'zod';
import { devKeyPaths, type KeySource } from '@jembatan/kit/access';
import {
  errorDetailEnvShape,
  metricsListenerOf,
  readEnvironment,
  readHttpServerConfig,
  readShutdownConfig,
  stackTracesOn,
  type HttpServerLimits,
  type InternalListener,
} from '@jembatan/kit/http';
import type { AuthConfig } from './auth/auth-config';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './auth/token-lifetime';
import { readLimitsConfig, type LimitsConfig } from './limits';
import { readPlaygroundConfig, type PlaygroundConfig } from './playground/playground-config';
import { readResponseCacheConfig, type ResponseCacheConfig } from './response-cache';
import { readFetchDeduplicationConfig, readResilienceConfig, type ResilienceConfig } from './subgraph-fetch';
import { readSubgraphUrls } from './subgraph-urls';

export type { AuthConfig } from './auth/auth-config';

export interface GatewayConfig {
  host: string;
  port: number;
  production: boolean;
  supergraphPath: string;
  /** Where each subgraph named in the supergraph actually runs, overriding the composed URLs. */
  subgraphUrls: Record<string, string>;
  auth: AuthConfig;
  /** The private key the gateway signs its tokens to the subgraphs with. */
  signingKey: KeySource;
  /** Query limits, rate limits, CORS and trusted operations. */
  limits: LimitsConfig;
  /** Timeouts, retries and circuit breakers for the subgraph fetches. */
  resilience: ResilienceConfig;
  /** Caching of the answers the subgraphs declare public (RESPONSE_CACHE_TTL_SECONDS, shared through REDIS_URL). */
  responseCache: ResponseCacheConfig;
  /** Whether identical subgraph fetches in flight are sent once (SUBGRAPH_FETCH_DEDUP). */
  fetchDeduplication: boolean;
  /** How long a stop lets requests in flight finish (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** Header and request timeouts and the connection cap of the gateway's HTTP server (HTTP_*). */
  httpServer: HttpServerLimits;
  /** Whether @apollo/gateway may send usage telemetry to Apollo (APOLLO_TELEMETRY_DISABLED=false). */
  apolloTelemetry: boolean;
  /** Stack traces in error answers (DEBUG_ERRORS=stack, never in production). */
  stackTraces: boolean;
  /** The GraphiQL playground at `/` (PLAYGROUND). */
  playground: PlaygroundConfig;
  /** Where `/metrics` listens apart from the public port (GATEWAY_METRICS_PORT, METRICS_HOST); public when absent. */
  metricsListener?: InternalListener;
}

const httpUrl = z.url({ protocol: /^https?$/ });
/** The issuer `pnpm token` signs as; a production gateway never trusts it. */
export const DEV_ISSUER = 'jembatan-dev';

function requiredInProduction(values: Record<string, unknown>, names: string[][]): string[] {
  return names
    .filter((alternatives) => alternatives.every((name) => values[name] === undefined))
    .map((alternatives) => `${alternatives.join(' or ')}: required in production`);
}

/** Reads the gateway's configuration once at start; fails naming the bad variable. */
export function readGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const values = readEnvironment(
    {
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      HOST: z.string().min(1).default('127.0.0.1'),
      GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
      GATEWAY_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
      METRICS_HOST: z.string().min(1).optional(),
      SUPERGRAPH_PATH: z.string().min(1).default(resolve(__dirname, '../../schema/supergraph.graphql')),
      DATA_DIR: z.string().min(1).default(resolve(__dirname, '../../data')),
      AUTH_ISSUER: z.string().min(1).optional(),
      AUTH_AUDIENCE: z.string().min(1).default('jembatan'),
      AUTH_JWKS_URL: httpUrl.optional(),
      AUTH_JWKS_PATH: z.string().min(1).optional(),
      AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
      // At most a week: beyond that, a leaked token is as good as a password.
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce
        .number()
        .int()
        .min(60)
        .max(7 * 24 * 3600)
        .default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
      GATEWAY_SIGNING_KEY_PATH: z.string().min(1).optional(),
      APOLLO_TELEMETRY_DISABLED: z.enum(['true', 'false', '1', '0']).default('true'),
      ...errorDetailEnvShape,
    },
    env,
    'gateway',
  );
  const production = values.NODE_ENV === 'production';
  if (production) {
    const missing = requiredInProduction(values, [
      ['AUTH_ISSUER'],
      ['AUTH_JWKS_URL', 'AUTH_JWKS_PATH'],
      ['GATEWAY_SIGNING_KEY_PATH'],
    ]);
    if (missing.length > 0) throw new Error(`Invalid gateway configuration: ${missing.join('; ')}`);
  }
  let metricsListener: InternalListener | undefined;
  try {
    metricsListener = metricsListenerOf(
      {
        production,
        servicePort: values.GATEWAY_PORT,
        metricsPort: values.GATEWAY_METRICS_PORT,
        metricsHost: values.METRICS_HOST,
      },
      'GATEWAY_METRICS_PORT',
    );
  } catch (error) {
    throw new Error(`Invalid gateway configuration: ${(error as Error).message}`, { cause: error });
  }
  const devKeys = devKeyPaths(resolve(values.DATA_DIR));
  return {
    host: values.HOST,
    port: values.GATEWAY_PORT,
    production,
    supergraphPath: values.SUPERGRAPH_PATH,
    subgraphUrls: readSubgraphUrls(env),
    auth: {
      issuer: values.AUTH_ISSUER ?? DEV_ISSUER,
      audience: values.AUTH_AUDIENCE,
      userKeys: values.AUTH_JWKS_URL
        ? { url: values.AUTH_JWKS_URL }
        : values.AUTH_JWKS_PATH
          ? { file: resolve(values.AUTH_JWKS_PATH) }
          : { generateAt: devKeys.userIssuer, alg: 'ES256' },
      clockSkewSeconds: values.AUTH_CLOCK_SKEW_SECONDS,
      maxTokenLifetimeSeconds: values.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    },
    signingKey: values.GATEWAY_SIGNING_KEY_PATH
      ? { file: resolve(values.GATEWAY_SIGNING_KEY_PATH) }
      : { generateAt: devKeys.gatewaySigning, alg: 'EdDSA' },
    limits: readLimitsConfig(env),
    resilience: readResilienceConfig(env),
    responseCache: readResponseCacheConfig(env),
    fetchDeduplication: readFetchDeduplicationConfig(env),
    shutdownGraceMs: readShutdownConfig(env).shutdownGraceMs,
    httpServer: readHttpServerConfig(env),
    apolloTelemetry: ['false', '0'].includes(values.APOLLO_TELEMETRY_DISABLED),
    stackTraces: stackTracesOn(values, production),
    playground: readPlaygroundConfig(env, production),
    metricsListener,
  };
}
