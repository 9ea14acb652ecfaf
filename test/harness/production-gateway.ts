import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readLimitsConfig, readPlaygroundConfig, startGateway } from '@jembatan/gateway';
import { readHttpServerConfig, silentLogger } from '@jembatan/kit';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import type { RunningSupergraph } from './supergraph';
import { testUserTokenSettings } from './test-identity';

/**
 * A second gateway, configured as production configures it (trusted operations enforced, the
 * playground, the HTTP server limits as the given environment says), over the subgraphs of a running supergraph and
 * trusting the same test identity provider. Cheap: no databases of its own.
 */
export async function startProductionGateway(
  supergraph: RunningSupergraph,
  env: Record<string, string | undefined>,
): Promise<{ origin: string; close(): Promise<void> }> {
  const production = { ...env, NODE_ENV: 'production' };
  const gateway = await startGateway({
    auth: testUserTokenSettings(supergraph.keys),
    signingKey: supergraph.keys.gatewaySigning,
    limits: readLimitsConfig({
      // Out of any test's reach unless the test sets it.
      RATE_LIMIT_REFUSALS_PER_ADDRESS: '1000000',
      ...production,
      RATE_LIMIT_POINTS: '1000000',
      RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}`,
    }),
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { workforce: supergraph.workforce.url, bpjs: supergraph.bpjs.url },
    host: '127.0.0.1',
    port: 0,
    production: true,
    httpServer: readHttpServerConfig(production),
    logger: silentLogger,
    playground: readPlaygroundConfig(production, true),
  });
  return { origin: new URL(gateway.url).origin, close: () => gateway.close() };
}
