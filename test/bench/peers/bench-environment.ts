import type { BenchKeys } from './bench-keys';
import { BENCH_AUDIENCE, BENCH_ISSUER } from './bench-keys';

/**
 * The environment every process of the bench starts with: only what it needs, never the
 * caller's DATABASE_URL or DATA_DIR, tracing off, production mode.
 */
export function baseEnvironment(dataDir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    OTEL_SDK_DISABLED: 'true',
  };
}

/** How a gateway (Jembatan's or a peer) trusts the bench's identity provider and signs for the subgraphs. */
export function gatewayAuthEnvironment(keys: BenchKeys): Record<string, string> {
  return {
    AUTH_ISSUER: BENCH_ISSUER,
    AUTH_AUDIENCE: BENCH_AUDIENCE,
    AUTH_JWKS_PATH: keys.paths.userIssuerJwks,
    GATEWAY_SIGNING_KEY_PATH: keys.paths.gatewaySigningKey,
  };
}

/**
 * The peers and the bench's own processes run their TypeScript through @swc-node/register
 * without its source-map hook: they stand for software shipped compiled (A and H are; only the
 * signing plugin around them is ours), so stack traces must not cost them what a transpiler adds.
 */
export const NO_SOURCE_MAP_HOOK = { SWC_NODE_SOURCE_MAP_MODE: 'none' };
