import { join, resolve } from 'node:path';
import { freePort } from '../../harness/free-port';
import type { BenchKeys } from './bench-keys';
import { baseEnvironment, gatewayAuthEnvironment, NO_SOURCE_MAP_HOOK } from './bench-environment';
import { spawnTracked, waitForHealth, type StartedService } from './child-processes';
import { FROM_SOURCE, serviceCommand } from './service-command';

/** The systems compared: Jembatan's gateway without and with its response cache, Apollo's, Hive's, and the SQL floor without and with the audit trail. */
export const SYSTEMS = ['J', 'J+cache', 'A', 'H', 'SQL', 'SQL+audit'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SYSTEM_TITLES: Record<SystemName, string> = {
  J: "Jembatan's gateway, response cache off",
  'J+cache': "Jembatan's gateway, response cache on (60 s)",
  A: 'stock @apollo/gateway 2.14.4 + @apollo/server',
  H: 'Hive Gateway + @graphql-hive/router-runtime (Rust planner), defaults',
  SQL: 'SQL floor: hand-written SQL through pg, JSON by hand',
  'SQL+audit': "SQL floor plus each agency's audit INSERT (the hash-chain trigger) before answering",
};

/** Where the bench's own files are: the peers and the SQL floor always run from this checkout. */
const BENCH_ROOT = resolve(__dirname, '../../..');

export interface BenchDatabases {
  workforce: string;
  bpjs: string;
}

export interface BenchContext {
  /** The checkout whose subgraphs and gateway are measured (`--root`); this one by default. */
  root: string;
  folder: string;
  keys: BenchKeys;
  databases: BenchDatabases;
}

async function startService(
  context: BenchContext,
  name: string,
  command: string[],
  cwd: string,
  env: Record<string, string>,
  port: number,
): Promise<StartedService> {
  const origin = `http://127.0.0.1:${port}`;
  const logPath = join(context.folder, `${name}.log`);
  const child = spawnTracked({
    name,
    command,
    cwd,
    env: { ...baseEnvironment(join(context.folder, 'data')), ...env },
    logPath,
  });
  try {
    await waitForHealth(child, name, origin);
  } catch (error) {
    throw new Error(`${(error as Error).message}; its log: ${logPath}`, { cause: error });
  }
  return { name, pid: child.pid!, origin, logPath };
}

/** Both agency subgraphs, once for the whole run, in production mode on the seeded databases. */
export async function startSubgraphs(context: BenchContext) {
  const start = async (name: 'workforce' | 'bpjs', prefix: string) => {
    const port = await freePort();
    return startService(
      context,
      name,
      serviceCommand(context.root, `subgraphs/${name}`),
      context.root,
      {
        [`${prefix}_PORT`]: String(port),
        [`${prefix}_DATABASE_URL`]: context.databases[name],
        GATEWAY_PUBLIC_KEYS_PATH: context.keys.paths.gatewayPublicKeys,
        CURSOR_KEYS_PATH: context.keys.paths.cursorKeysOf(name),
        // Reads only: no events flow, but production asks how they would travel.
        EVENTS_TRANSPORT: 'embedded',
        EVENTS_SIGNING_KEY_PATH: context.keys.paths.eventsSigningKey,
        EVENTS_PUBLIC_KEYS_PATH: context.keys.paths.eventsPublicKeys,
      },
      port,
    );
  };
  const [workforce, bpjs] = await Promise.all([start('workforce', 'WORKFORCE'), start('bpjs', 'BPJS')]);
  return { workforce, bpjs };
}

export type RunningSubgraphs = Awaited<ReturnType<typeof startSubgraphs>>;

const graphqlUrlOf = (service: StartedService) => `${service.origin}/graphql`;

/** One system, started against the running subgraphs (the SQL floor against the databases). */
export async function startSystem(
  system: SystemName,
  context: BenchContext,
  subgraphs: RunningSubgraphs,
): Promise<StartedService> {
  const port = await freePort();
  const subgraphUrls = { WORKFORCE_URL: graphqlUrlOf(subgraphs.workforce), BPJS_URL: graphqlUrlOf(subgraphs.bpjs) };
  const supergraphPath = join(context.root, 'schema/supergraph.graphql');
  const manifestPath = join(context.root, 'schema/operations/manifest.json');
  const peer = (entry: string, env: Record<string, string>) =>
    startService(
      context,
      system,
      [process.execPath, ...FROM_SOURCE, join(__dirname, entry)],
      BENCH_ROOT,
      { ...NO_SOURCE_MAP_HOOK, PEER_PORT: String(port), TRUSTED_OPERATIONS_MANIFEST_PATH: manifestPath, ...env },
      port,
    );
  switch (system) {
    case 'J':
    case 'J+cache':
      return startService(
        context,
        system,
        serviceCommand(context.root, 'gateway'),
        context.root,
        {
          ...gatewayAuthEnvironment(context.keys),
          ...subgraphUrls,
          GATEWAY_PORT: String(port),
          SUPERGRAPH_PATH: supergraphPath,
          TRUSTED_OPERATIONS_MANIFEST_PATH: manifestPath,
          RESPONSE_CACHE_TTL_SECONDS: system === 'J' ? '0' : '60',
          // One caller sends the whole load: per-caller rate limiting would measure the limiter.
          RATE_LIMIT_POINTS: '1000000000',
        },
        port,
      );
    case 'A':
      return peer('apollo-peer.server.ts', {
        ...gatewayAuthEnvironment(context.keys),
        ...subgraphUrls,
        SUPERGRAPH_PATH: supergraphPath,
      });
    case 'H':
      return peer('hive-peer.server.ts', {
        ...gatewayAuthEnvironment(context.keys),
        ...subgraphUrls,
        SUPERGRAPH_PATH: supergraphPath,
      });
    case 'SQL':
    case 'SQL+audit':
      return peer('sql-floor/sql-floor.server.ts', {
        WORKFORCE_DATABASE_URL: context.databases.workforce,
        BPJS_DATABASE_URL: context.databases.bpjs,
        SQL_FLOOR_AUDIT: system === 'SQL+audit' ? 'on' : 'off',
      });
  }
}
