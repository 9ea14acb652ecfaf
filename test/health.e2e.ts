import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  generateCursorJwk,
  openSubgraphDatabase,
  silentLogger,
  type AgencyService,
  type HttpService,
} from '@jembatan/kit';
import { startWorkforceService, workforceSubgraph } from '@jembatan/workforce';
import { callerWith, generateTestKeys, publicSetOf, startSupergraph, type RunningSupergraph } from './harness';
import { copyTemplate } from './harness/templates';

interface Probe {
  status: number;
  body: { status: string; checks: Record<string, { status: string; reason?: string }> };
}

/** GETs one of a service's own endpoints, beside its /graphql. */
async function get(service: HttpService, path: '/health' | '/ready'): Promise<Probe> {
  const response = await fetch(new URL(path, service.url));
  return { status: response.status, body: (await response.json()) as Probe['body'] };
}

const okChecks = (...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, { status: 'ok', ms: expect.any(Number) }]));

describe('health and readiness of the running system', () => {
  let supergraph: RunningSupergraph;
  let bpjsStopped = false;

  beforeAll(async () => {
    supergraph = await startSupergraph();
  });
  afterAll(async () => {
    await supergraph.gateway.close();
    await supergraph.workforce.close();
    if (!bpjsStopped) await supergraph.bpjs.close();
    for (const name of supergraph.subgraphNames.filter((other) => other !== 'workforce' && other !== 'bpjs')) {
      await supergraph.subgraph(name).close();
    }
  });

  it('has every service live, and ready with each dependency listed', async () => {
    for (const service of [supergraph.gateway, supergraph.workforce, supergraph.bpjs]) {
      expect((await get(service, '/health')).status).toBe(200);
    }
    expect(await get(supergraph.gateway, '/ready')).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: okChecks('supergraph', ...supergraph.subgraphNames.map((name) => `subgraph:${name}`)),
      },
    });
    for (const subgraph of [supergraph.workforce, supergraph.bpjs]) {
      expect(await get(subgraph, '/ready')).toEqual({
        status: 200,
        body: { status: 'ready', checks: okChecks('database', 'migrations', 'seed') },
      });
    }
  });

  it('has the gateway not ready, naming bpjs, once bpjs stops, while it stays live and serves workforce', async () => {
    await supergraph.bpjs.close();
    bpjsStopped = true;

    const ready = await get(supergraph.gateway, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'not_ready',
      checks: {
        supergraph: { status: 'ok' },
        'subgraph:workforce': { status: 'ok' },
        'subgraph:bpjs': { status: 'failed', reason: 'unreachable (ECONNREFUSED)' },
      },
    });
    expect((await get(supergraph.gateway, '/health')).status).toBe(200);
    const { status, body } = await supergraph.query('{ workforceStatistics { workerCount } }', undefined, {
      as: callerWith('analyst'),
      purpose: 'STATISTICS',
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ workforceStatistics: { workerCount: expect.any(Number) } });
  });
});

describe('readiness of a subgraph whose database closes', () => {
  let service: AgencyService;
  let closeDatabase: () => Promise<void>;

  beforeAll(async () => {
    // The test owns this database (the service does not close a database it was given), so it
    // can close the database under a service that keeps running.
    const location = await copyTemplate(inject('templates'), 'workforce');
    const database = await openSubgraphDatabase(workforceSubgraph, { database: location, createDatabase: false });
    const keys = await generateTestKeys();
    service = await startWorkforceService({
      config: {
        name: 'workforce',
        host: '127.0.0.1',
        port: 0,
        production: false,
        database: location,
        createDatabase: false,
        seedPreset: null,
        gatewayKeys: { jwks: publicSetOf(keys.gatewaySigning) },
        cursorKeys: { jwks: { keys: [generateCursorJwk()] } },
      },
      logger: silentLogger,
      database,
    });
    closeDatabase = () => database.close();
  });
  afterAll(() => service.close());

  it('is ready, then not ready naming its database once the database is closed, and still live', async () => {
    expect((await get(service, '/ready')).status).toBe(200);
    await closeDatabase();

    const ready = await get(service, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not_ready', checks: { database: { status: 'failed' } } });
    expect(ready.body.checks.database?.reason).toEqual(expect.any(String));
    expect((await get(service, '/health')).status).toBe(200);
  });
});
