import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createUserTokenMinter,
  DATA_SUBJECT_HEADER,
  PURPOSE_HEADER,
  readLimitsConfig,
  startGateway,
  type GatewayOptions,
  type LimitsConfig,
} from '@jembatan/gateway';
import type { ResilienceConfig } from '@jembatan/gateway';
import {
  createGatewayTokenSigner,
  GATEWAY_TOKEN_HEADER,
  generateCursorJwk,
  silentLogger,
  startAgencyService,
  type AgencyService,
  type Caller,
  type DatabaseLocation,
  type HttpService,
  type JsonWebKeySet,
  type Logger,
  type SignedOperation,
  type SubgraphConfig,
} from '@jembatan/kit';
import { testRedisPrefix } from '@jembatan/kit/testing';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import { REGISTERED_SUBGRAPHS } from '@jembatan/subgraph-registry';
import {
  DEFAULT_TEST_PURPOSE,
  generateTestKeys,
  publicSetOf,
  STAFF_OF_BOTH_AGENCIES,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type SendAs,
  type TestKeys,
  testUserTokenSettings,
} from './test-identity';

export interface GraphqlResponse<TData = Record<string, unknown>> {
  status: number;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface RunningSupergraph {
  gateway: HttpService;
  workforce: AgencyService;
  bpjs: AgencyService;
  /** Any registered subgraph this supergraph serves, by name (fails naming those it serves). */
  subgraph(name: string): AgencyService;
  /** The registered subgraphs this supergraph serves, in registry order. */
  subgraphNames: readonly string[];
  keys: TestKeys;
  /** Each subgraph's cursor keys, by subgraph name, for tests and benchmarks that seal a cursor themselves. */
  cursorKeys: Readonly<Record<string, JsonWebKeySet>>;
  /** A user token for the caller, as the identity provider would issue it. */
  tokenFor(caller: Caller, lifetimeSeconds?: number): Promise<string>;
  /** POSTs one operation to the gateway, as a client would (by default as staff of both agencies). */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    sendAs?: SendAs,
  ): Promise<GraphqlResponse<TData>>;
  /** POSTs a raw body, for malformed-request tests. */
  post(body: string, sendAs?: SendAs): Promise<{ status: number; text: string }>;
  /** POSTs an operation straight to a subgraph with the token the gateway would sign (`as: null`: none). */
  postToSubgraph<TData = Record<string, unknown>>(
    subgraph: string,
    operation: SignedOperation,
    sendAs?: SendAs,
  ): Promise<GraphqlResponse<TData>>;
  stop(): Promise<void>;
}

export interface SupergraphDatabases {
  workforce: DatabaseLocation;
  bpjs: DatabaseLocation;
  /** The databases of the agencies registered after these two (`pnpm new-subgraph`), by subgraph name. */
  others?: Readonly<Record<string, DatabaseLocation>>;
}

const databaseOf = (databases: SupergraphDatabases, name: string): DatabaseLocation | undefined =>
  name === 'workforce' ? databases.workforce : name === 'bpjs' ? databases.bpjs : databases.others?.[name];

function subgraphConfig(
  name: string,
  database: SubgraphConfig['database'],
  production: boolean,
  keys: TestKeys,
  cursorKeys: JsonWebKeySet,
  execution: SubgraphConfig['execution'],
): SubgraphConfig {
  return {
    execution,
    name,
    host: '127.0.0.1',
    port: 0,
    production,
    database,
    createDatabase: false,
    seedPreset: null,
    gatewayKeys: { jwks: publicSetOf(keys.gatewaySigning) },
    cursorKeys: { jwks: cursorKeys },
  };
}

/**
 * Serves every registered agency subgraph on the given databases and the gateway over the
 * committed supergraph, all on free loopback ports, in this process. Free of vitest, so benchmark
 * scripts use it too. A registered subgraph given no database is not started (the log says so):
 * the gateway then answers its fields with SUBGRAPH_UNAVAILABLE.
 */
export interface ServeOptions {
  production?: boolean;
  /** Where all three services log; silent by default. */
  logger?: Logger;
  /** False only to measure what the audit trail costs (test/bench/audit-overhead.bench.ts). */
  recordAccess?: boolean;
  /** False only to measure what sealing cursors costs (test/bench/cursor-sealing.bench.ts). */
  sealCursors?: boolean;
  /** The gateway's limits; by default production's, with a rate limit no test or benchmark reaches. */
  limits?: LimitsConfig;
  /**
   * Where the gateway calls an agency instead of the subgraph started here: a fake, a proxy in
   * front of the real one, or a port where nothing listens.
   */
  subgraphUrls?: Readonly<Record<string, string>>;
  /** How the gateway calls its subgraphs (timeouts, retries, breaker, pool); by default production's. */
  resilience?: ResilienceConfig;
  /** Serve the playground at `/`, with development tokens from the test identity provider outside production. */
  playground?: boolean;
  /** Whether the gateway sends identical subgraph fetches in flight once; on by default, as in production. */
  fetchDeduplication?: boolean;
  /** How the subgraphs run operations; compiled by default, as in production (GRAPHQL_EXECUTION). */
  execution?: SubgraphConfig['execution'];
}

export async function serveSupergraph(
  databases: SupergraphDatabases,
  {
    production = false,
    limits,
    logger = silentLogger,
    recordAccess,
    sealCursors,
    subgraphUrls,
    resilience,
    playground,
    fetchDeduplication,
    execution,
  }: ServeOptions = {},
): Promise<RunningSupergraph> {
  const keys = await generateTestKeys();
  const cursorKeys = Object.fromEntries(
    REGISTERED_SUBGRAPHS.map(({ name }): [string, JsonWebKeySet] => [name, { keys: [generateCursorJwk()] }]),
  );
  const services = await startSubgraphs(REGISTERED_SUBGRAPHS, async ({ name, definition }) => {
    const database = databaseOf(databases, name);
    if (!database) {
      logger.warn('subgraph not started: no database given', { subgraph: name });
      return undefined;
    }
    const config = subgraphConfig(name, database, production, keys, cursorKeys[name]!, execution);
    return startAgencyService(definition, { config, logger, recordAccess, sealCursors });
  });
  const serviceOf = (name: string): AgencyService => {
    const service = services.get(name);
    if (!service)
      throw new Error(`This supergraph serves no subgraph ${name}; it serves ${[...services.keys()].join(', ')}`);
    return service;
  };
  const workforce = serviceOf('workforce');
  const bpjs = serviceOf('bpjs');
  const tokenFor = await createUserTokenMinter(keys.userIssuer, { issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
  const gatewayOptions: GatewayOptions = {
    auth: testUserTokenSettings(keys),
    signingKey: keys.gatewaySigning,
    limits:
      limits ??
      readLimitsConfig({
        RATE_LIMIT_POINTS: '1000000',
        RATE_LIMIT_REFUSALS_PER_ADDRESS: '1000000',
        RATE_LIMIT_KEY_PREFIX: testRedisPrefix('rate'),
      }),
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: {
      ...Object.fromEntries([...services].map(([name, service]) => [name, service.url])),
      ...subgraphUrls,
    },
    host: '127.0.0.1',
    port: 0,
    production,
    logger,
    resilience,
    fetchDeduplication,
    playground: playground ? { enabled: true, mintDevelopmentToken: production ? undefined : tokenFor } : undefined,
  };
  const gateway = await startGateway(gatewayOptions);

  const post = async (body: string, sendAs: SendAs = {}) => {
    const caller = sendAs.as === undefined ? STAFF_OF_BOTH_AGENCIES : sendAs.as;
    const purpose = sendAs.purpose === undefined ? DEFAULT_TEST_PURPOSE : sendAs.purpose;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller ? { authorization: `Bearer ${await tokenFor(caller)}` } : {}),
        ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
        ...(sendAs.dataSubject ? { [DATA_SUBJECT_HEADER]: sendAs.dataSubject } : {}),
        ...sendAs.headers,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  const signGatewayToken = await createGatewayTokenSigner(keys.gatewaySigning);

  return {
    gateway,
    workforce,
    bpjs,
    subgraph: serviceOf,
    subgraphNames: [...services.keys()],
    keys,
    cursorKeys,
    tokenFor,
    post,
    async postToSubgraph(subgraph, operation, sendAs = {}) {
      const caller = sendAs.as === undefined ? STAFF_OF_BOTH_AGENCIES : sendAs.as;
      const purpose = sendAs.purpose === undefined ? DEFAULT_TEST_PURPOSE : sendAs.purpose;
      const token = caller
        ? await signGatewayToken(
            subgraph,
            {
              caller,
              purpose,
              requestId: randomUUID(),
              operationName: null,
              dataSubject: sendAs.dataSubject ?? null,
            },
            operation,
          )
        : undefined;
      const response = await fetch(serviceOf(subgraph).url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { [GATEWAY_TOKEN_HEADER]: token } : {}),
          ...sendAs.headers,
        },
        body: JSON.stringify(operation),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async query(query, variables, sendAs) {
      const { status, text } = await post(JSON.stringify({ query, variables }), sendAs);
      return { status, body: JSON.parse(text) };
    },
    async stop() {
      await gateway.close();
      await Promise.all([...services.values()].map((service) => service.close()));
    },
  };
}

/**
 * Starts the subgraphs side by side, keeping registry order; if one fails, those already up are
 * closed before the failure is passed on, so a failed start leaves no server or database open.
 */
async function startSubgraphs<T extends { name: string }>(
  subgraphs: readonly T[],
  start: (subgraph: T) => Promise<AgencyService | undefined>,
): Promise<Map<string, AgencyService>> {
  const outcomes = await Promise.allSettled(subgraphs.map(start));
  const services = new Map<string, AgencyService>();
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled' && outcome.value) services.set(subgraphs[index]!.name, outcome.value);
  });
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) {
    await Promise.allSettled([...services.values()].map((service) => service.close()));
    throw failure.reason;
  }
  return services;
}
