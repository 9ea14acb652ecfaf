import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startBpjsService } from '@jembatan/bpjs';
import {
  createUserTokenMinter,
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
  silentLogger,
  type AgencyService,
  type Caller,
  type DatabaseLocation,
  type HttpService,
  type Logger,
  type SubgraphConfig,
} from '@jembatan/kit';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import { startWorkforceService } from '@jembatan/workforce';
import {
  DEFAULT_TEST_PURPOSE,
  generateTestKeys,
  publicSetOf,
  STAFF_OF_BOTH_AGENCIES,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type SendAs,
  type TestKeys,
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
  keys: TestKeys;
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
    subgraph: 'workforce' | 'bpjs',
    operation: { query: string; variables?: Record<string, unknown> },
    sendAs?: SendAs,
  ): Promise<GraphqlResponse<TData>>;
  stop(): Promise<void>;
}

export interface SupergraphDatabases {
  workforce: DatabaseLocation;
  bpjs: DatabaseLocation;
}

function subgraphConfig(
  name: string,
  database: SubgraphConfig['database'],
  production: boolean,
  keys: TestKeys,
): SubgraphConfig {
  return {
    name,
    host: '127.0.0.1',
    port: 0,
    production,
    database,
    createDatabase: false,
    seedPreset: null,
    gatewayKeys: { jwks: publicSetOf(keys.gatewaySigning) },
  };
}

/**
 * Serves both agency subgraphs on the given databases and the gateway over the committed
 * supergraph, all on free loopback ports, in this process. Free of vitest, so benchmark scripts
 * use it too.
 */
export interface ServeOptions {
  production?: boolean;
  /** Where all three services log; silent by default. */
  logger?: Logger;
  /** False only to measure what the audit trail costs (test/bench/audit-overhead.bench.ts). */
  recordAccess?: boolean;
  /** The gateway's limits; by default production's, with a rate limit no test or benchmark reaches. */
  limits?: LimitsConfig;
  /**
   * Where the gateway calls an agency instead of the subgraph started here: a fake, a proxy in
   * front of the real one, or a port where nothing listens.
   */
  subgraphUrls?: Partial<Record<'workforce' | 'bpjs', string>>;
  /** How the gateway calls its subgraphs (timeouts, retries, breaker, pool); by default production's. */
  resilience?: ResilienceConfig;
}

export async function serveSupergraph(
  { workforce: workforceDb, bpjs: bpjsDb }: SupergraphDatabases,
  { production = false, limits, logger = silentLogger, recordAccess, subgraphUrls, resilience }: ServeOptions = {},
): Promise<RunningSupergraph> {
  const keys = await generateTestKeys();
  const workforce = await startWorkforceService({
    config: subgraphConfig('workforce', workforceDb, production, keys),
    logger,
    recordAccess,
  });
  const bpjs = await startBpjsService({
    config: subgraphConfig('bpjs', bpjsDb, production, keys),
    logger,
    recordAccess,
  });
  const gatewayOptions: GatewayOptions = {
    auth: { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, keys: publicSetOf(keys.userIssuer), clockSkewSeconds: 30 },
    signingKey: keys.gatewaySigning,
    limits: limits ?? readLimitsConfig({ RATE_LIMIT_POINTS: '1000000', RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}` }),
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { workforce: workforce.url, bpjs: bpjs.url, ...subgraphUrls },
    host: '127.0.0.1',
    port: 0,
    production,
    logger,
    resilience,
  };
  const gateway = await startGateway(gatewayOptions);

  const tokenFor = await createUserTokenMinter(keys.userIssuer, { issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
  const post = async (body: string, sendAs: SendAs = {}) => {
    const caller = sendAs.as === undefined ? STAFF_OF_BOTH_AGENCIES : sendAs.as;
    const purpose = sendAs.purpose === undefined ? DEFAULT_TEST_PURPOSE : sendAs.purpose;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller ? { authorization: `Bearer ${await tokenFor(caller)}` } : {}),
        ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
        ...sendAs.headers,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  const signGatewayToken = await createGatewayTokenSigner(keys.gatewaySigning);
  const services = { workforce, bpjs };

  return {
    gateway,
    workforce,
    bpjs,
    keys,
    tokenFor,
    post,
    async postToSubgraph(subgraph, operation, sendAs = {}) {
      const caller = sendAs.as === undefined ? STAFF_OF_BOTH_AGENCIES : sendAs.as;
      const purpose = sendAs.purpose === undefined ? DEFAULT_TEST_PURPOSE : sendAs.purpose;
      const token = caller
        ? await signGatewayToken(
            subgraph,
            { caller, purpose, requestId: randomUUID(), operationName: null },
            operation.query,
          )
        : undefined;
      const response = await fetch(services[subgraph].url, {
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
      await Promise.all([workforce.close(), bpjs.close()]);
    },
  };
}
