import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { startBpjsService } from '@jembatan/bpjs';
import { startGateway } from '@jembatan/gateway';
import {
  silentLogger,
  type AgencyService,
  type DatabaseLocation,
  type HttpService,
  type SubgraphConfig,
} from '@jembatan/kit';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import { startWorkforceService } from '@jembatan/workforce';

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
  /** POSTs one operation to the gateway, as a client would. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<TData>>;
  /** POSTs a raw body, for malformed-request tests. */
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

export interface SupergraphDatabases {
  workforce: DatabaseLocation;
  bpjs: DatabaseLocation;
}

function subgraphConfig(name: string, database: SubgraphConfig['database'], production: boolean): SubgraphConfig {
  return { name, host: '127.0.0.1', port: 0, production, database, createDatabase: false, seedPreset: null };
}

/**
 * Serves both agency subgraphs on the given databases and the gateway over the committed
 * supergraph, all on free loopback ports, in this process. Free of vitest, so benchmark scripts
 * use it too.
 */
export async function serveSupergraph(
  { workforce: workforceDb, bpjs: bpjsDb }: SupergraphDatabases,
  production = false,
): Promise<RunningSupergraph> {
  const workforce = await startWorkforceService({
    config: subgraphConfig('workforce', workforceDb, production),
    logger: silentLogger,
  });
  const bpjs = await startBpjsService({ config: subgraphConfig('bpjs', bpjsDb, production), logger: silentLogger });
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { workforce: workforce.url, bpjs: bpjs.url },
    host: '127.0.0.1',
    port: 0,
    production,
    logger: silentLogger,
  });

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  return {
    gateway,
    workforce,
    bpjs,
    post,
    async query(query, variables) {
      const { status, text } = await post(JSON.stringify({ query, variables }));
      return { status, body: JSON.parse(text) };
    },
    async stop() {
      await gateway.close();
      await Promise.all([workforce.close(), bpjs.close()]);
    },
  };
}
