import { ConfigurationError, readEnvironment } from './read-environment';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { devKeyPaths } from '../access/key-files';
import type { KeySource } from '../access/key-source';
import type { CursorKeySource } from '../pagination/cursor-keys';
import type { DatabaseLocation } from '../db/open-database';
import { withDatabaseName } from '../db/postgres-admin';
import { httpServerEnvShape, httpServerLimitsOf, type HttpServerLimits } from './http-server-config';
import { errorDetailEnvShape, stackTracesOn } from './error-detail-config';
import { eventsConfigOf, eventsEnvShape, type EventsConfig } from './events-config';
import { shutdownEnvShape } from './shutdown-config';
import { metricsListenerOf } from './metrics-listener-config';
import type { InternalListener } from '../server/internal-listener';
import type { GraphqlExecution } from '../server/compiled-execution';

export interface SubgraphConfig {
  name: string;
  host: string;
  port: number;
  production: boolean;
  database: DatabaseLocation;
  /** Created on first start when it names a missing database on the server. */
  createDatabase: boolean;
  /** The preset loaded into an empty database at start; null to start empty. */
  seedPreset: string | null;
  /** The gateway's public keys: a subgraph answers only requests carrying a token signed by one of them. */
  gatewayKeys: KeySource;
  /** This subgraph's own keys for sealing cursors (AES-256-GCM); the first seals, all open. */
  cursorKeys: CursorKeySource;
  /**
   * How long a stopping subgraph lets requests in flight finish (SHUTDOWN_GRACE_MS). Absent in
   * configurations built in code, which keep the HTTP service's default.
   */
  shutdownGraceMs?: number;
  /** Header and request timeouts and the connection cap; the HTTP service's defaults when absent. */
  httpServer?: HttpServerLimits;
  /** Stack traces in error answers (DEBUG_ERRORS=stack, never in production); off when absent. */
  stackTraces?: boolean;
  /**
   * How the service's events travel (NATS_URL, EVENTS_*). Absent in configurations built in code
   * (most tests): then no relay runs and no events are consumed.
   */
  events?: EventsConfig;
  /** Where `/metrics` listens apart from the public port; with GraphQL when absent. */
  metricsListener?: InternalListener;
  /** Redis shared by this subgraph's replicas for the gateway-token replay guard; per replica when absent. */
  redisUrl?: string;
  /** How operations run (GRAPHQL_EXECUTION): compiled per operation unless `graphql-js` is asked for. */
  execution?: GraphqlExecution;
}

export interface SubgraphConfigSpec {
  name: string;
  /** Prefix of this subgraph's own variables, e.g. WORKFORCE → WORKFORCE_PORT, WORKFORCE_DATABASE_URL. */
  envPrefix: string;
  defaultPort: number;
  /** Where the embedded database lives when no URL is configured. */
  defaultDataDir: string;
}

const port = z.coerce.number().int().min(0).max(65535);
const url = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
  .describe('a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/jembatan');

/** With `${prefix}_DATABASE_URL`, which each schema below names itself. */
const databaseEnvShape = {
  DATABASE_URL: url.optional(),
  DATA_DIR: z.string().min(1).optional(),
};

function databaseOf(
  values: Record<string, string | number | undefined>,
  spec: SubgraphConfigSpec,
): Pick<SubgraphConfig, 'database' | 'createDatabase'> {
  const ownUrl = values[`${spec.envPrefix}_DATABASE_URL`] as string | undefined;
  const sharedUrl = values.DATABASE_URL as string | undefined;
  const database: DatabaseLocation = ownUrl
    ? { url: ownUrl }
    : sharedUrl
      ? // PostgreSQL names take no hyphen; a subgraph's name may (`land-office` → jembatan_land_office).
        { url: withDatabaseName(sharedUrl, `jembatan_${spec.name.replaceAll('-', '_')}`) }
      : { dataDir: values.DATA_DIR ? resolve(String(values.DATA_DIR), spec.name) : spec.defaultDataDir };
  return { database, createDatabase: !ownUrl && Boolean(sharedUrl) };
}

/**
 * Where a subgraph's database is, and nothing else: what the commands that only load or check
 * data (`pnpm seed`, `pnpm audit:verify`) need, so they ask an operator for no serving keys.
 */
export function readSubgraphDatabaseConfig(
  env: Record<string, string | undefined>,
  spec: SubgraphConfigSpec,
): Pick<SubgraphConfig, 'database' | 'createDatabase'> {
  const p = spec.envPrefix;
  const values = readEnvironment(
    { [`${p}_DATABASE_URL`]: url.optional(), ...databaseEnvShape },
    env,
    `${spec.name} subgraph`,
  );
  return databaseOf(values as Record<string, string | undefined>, spec);
}

/**
 * Reads a subgraph's configuration once, at the edge, and fails with a message naming the
 * variable. Code below receives this object and never reads process.env.
 */
export function readSubgraphConfig(env: Record<string, string | undefined>, spec: SubgraphConfigSpec): SubgraphConfig {
  const p = spec.envPrefix;
  const shape = {
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    [`${p}_PORT`]: port.default(spec.defaultPort),
    [`${p}_METRICS_PORT`]: port.optional(),
    METRICS_HOST: z.string().min(1).optional(),
    [`${p}_DATABASE_URL`]: url.optional(),
    ...databaseEnvShape,
    SEED_PRESET: z.enum(['demo', 'dki2016', 'none']).optional(),
    GATEWAY_PUBLIC_KEYS_PATH: z.string().min(1).optional(),
    CURSOR_KEYS_PATH: z.string().min(1).optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    ...shutdownEnvShape,
    ...httpServerEnvShape,
    ...errorDetailEnvShape,
    ...eventsEnvShape,
    GRAPHQL_EXECUTION: z.enum(['compiled', 'graphql-js']).default('compiled'),
  };
  // An empty variable (`DATABASE_URL=` in an env file) means "not set", as in most tools.
  const read = readEnvironment(shape, env, `${spec.name} subgraph`);
  let httpServer: HttpServerLimits;
  try {
    httpServer = httpServerLimitsOf(read);
  } catch (error) {
    throw new ConfigurationError(`${spec.name} subgraph`, [(error as Error).message]);
  }
  // The per-subgraph names (`${prefix}_PORT`) are only known at run time.
  const values = read as Record<string, string | number | undefined>;
  const production = values.NODE_ENV === 'production';
  const { database, createDatabase } = databaseOf(values, spec);
  const seed = values.SEED_PRESET ?? (production ? 'none' : 'demo');
  const keysPath = values.GATEWAY_PUBLIC_KEYS_PATH as string | undefined;
  if (production && !keysPath) {
    throw new ConfigurationError(`${spec.name} subgraph`, [
      "GATEWAY_PUBLIC_KEYS_PATH: required in production (the gateway's public JWK set, which `pnpm keys` writes)",
    ]);
  }
  const cursorKeysPath = values.CURSOR_KEYS_PATH as string | undefined;
  if (production && !cursorKeysPath) {
    throw new ConfigurationError(`${spec.name} subgraph`, [
      "CURSOR_KEYS_PATH: required in production (this subgraph's cursor keys, which `pnpm keys` writes)",
    ]);
  }
  let metricsListener: InternalListener | undefined;
  try {
    metricsListener = metricsListenerOf(
      {
        production,
        servicePort: Number(values[`${p}_PORT`]),
        metricsPort: values[`${p}_METRICS_PORT`] as number | undefined,
        metricsHost: values.METRICS_HOST as string | undefined,
      },
      `${p}_METRICS_PORT`,
    );
  } catch (error) {
    throw new Error(`Invalid configuration for the ${spec.name} subgraph: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const dataRoot = values.DATA_DIR ? resolve(String(values.DATA_DIR)) : dirname(spec.defaultDataDir);
  return {
    name: spec.name,
    host: String(values.HOST),
    port: Number(values[`${p}_PORT`]),
    production,
    database,
    createDatabase,
    seedPreset: seed === 'none' ? null : String(seed),
    gatewayKeys: keysPath
      ? { file: resolve(keysPath) }
      : { generateAt: devKeyPaths(dataRoot).gatewaySigning, alg: 'EdDSA' },
    cursorKeys: cursorKeysPath
      ? { file: resolve(cursorKeysPath) }
      : { generateAt: devKeyPaths(dataRoot).cursorKeysOf(spec.name) },
    shutdownGraceMs: Number(values.SHUTDOWN_GRACE_MS),
    httpServer,
    stackTraces: stackTracesOn(read, production),
    events: eventsConfigOf(read, {
      name: spec.name,
      production,
      devKeyPath: devKeyPaths(dataRoot).eventsSigning,
    }),
    redisUrl: values.REDIS_URL as string | undefined,
    metricsListener,
    execution: read.GRAPHQL_EXECUTION,
  };
}
