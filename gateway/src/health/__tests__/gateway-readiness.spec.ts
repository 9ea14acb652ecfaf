import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHttpService, type HttpService } from '@jembatan/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayReadinessChecks, type GatewayReadinessOptions } from '../gateway-readiness';
import { readinessUrlOf } from '../subgraph-probe';

const servers: Server[] = [];

/** A stand-in subgraph answering its readiness endpoint; resolves with its GraphQL URL. */
async function fakeSubgraph(ready: RequestListener): Promise<string> {
  const server = createServer((request, response) => {
    if (request.url === '/ready') return ready(request, response);
    response.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const answering =
  (status: number, body: unknown): RequestListener =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

/** A URL nothing listens on: a port that was bound a moment ago and released. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

const gateways: HttpService[] = [];

/** GETs /ready of a gateway HTTP service serving these readiness checks. */
async function readinessOf(options: GatewayReadinessOptions) {
  const gateway = await startHttpService({
    host: '127.0.0.1',
    port: 0,
    graphqlPath: '/graphql',
    graphql: () => {},
    readiness: gatewayReadinessChecks(options),
    onError: (error) => {
      throw error;
    },
  });
  gateways.push(gateway);
  const response = await fetch(new URL('/ready', gateway.url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let readyUrl: string;
let databaseDownUrl: string;
let drainingUrl: string;
let hangingUrl: string;
let unreachableUrl: string;

beforeAll(async () => {
  readyUrl = await fakeSubgraph(answering(200, { status: 'ready', checks: { database: { status: 'ok' } } }));
  databaseDownUrl = await fakeSubgraph(
    answering(503, {
      status: 'not_ready',
      checks: {
        database: { status: 'failed', reason: 'connect ECONNREFUSED 10.20.0.5:5432' },
        migrations: { status: 'ok' },
      },
    }),
  );
  drainingUrl = await fakeSubgraph(answering(503, { status: 'draining', checks: {} }));
  hangingUrl = await fakeSubgraph(() => {});
  unreachableUrl = await closedPortUrl();
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('gateway readiness', () => {
  it('is ready with a supergraph and every subgraph ready, listing each subgraph', async () => {
    const answer = await readinessOf({
      supergraphLoaded: () => true,
      subgraphUrls: { workforce: readyUrl, bpjs: readyUrl },
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: {
          supergraph: { status: 'ok', ms: expect.any(Number) },
          'subgraph:workforce': { status: 'ok', ms: expect.any(Number) },
          'subgraph:bpjs': { status: 'ok', ms: expect.any(Number) },
        },
      },
    });
  });

  it('is not ready without a supergraph', async () => {
    const answer = await readinessOf({ supergraphLoaded: () => false, subgraphUrls: { workforce: readyUrl } });
    expect(answer.status).toBe(503);
    expect(answer.body.checks).toMatchObject({
      supergraph: { status: 'failed', reason: 'no supergraph loaded yet' },
      'subgraph:workforce': { status: 'ok' },
    });
  });

  it('names a subgraph nothing answers for, by error code and without its address', async () => {
    const answer = await readinessOf({
      supergraphLoaded: () => true,
      subgraphUrls: { workforce: readyUrl, bpjs: unreachableUrl },
    });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      status: 'not_ready',
      checks: {
        'subgraph:workforce': { status: 'ok' },
        'subgraph:bpjs': { status: 'failed', reason: 'unreachable (ECONNREFUSED)' },
      },
    });
  });

  it("names a subgraph's failing checks, never relaying their messages", async () => {
    const answer = await readinessOf({ supergraphLoaded: () => true, subgraphUrls: { bpjs: databaseDownUrl } });
    expect(answer.status).toBe(503);
    expect(answer.body.checks).toMatchObject({
      'subgraph:bpjs': { status: 'failed', reason: 'not ready (503: database)' },
    });
    expect(JSON.stringify(answer.body)).not.toContain('10.20.0.5');
  });

  it('is not ready while a subgraph drains', async () => {
    const answer = await readinessOf({ supergraphLoaded: () => true, subgraphUrls: { bpjs: drainingUrl } });
    expect(answer.body.checks).toMatchObject({
      'subgraph:bpjs': { status: 'failed', reason: 'not ready (503: draining)' },
    });
  });

  it('gives up on a subgraph that does not answer within the probe timeout', async () => {
    const started = performance.now();
    const answer = await readinessOf({
      supergraphLoaded: () => true,
      subgraphUrls: { workforce: readyUrl, bpjs: hangingUrl },
      probeTimeoutMs: 150,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(answer.status).toBe(503);
    expect(answer.body.checks).toMatchObject({
      'subgraph:workforce': { status: 'ok' },
      'subgraph:bpjs': { status: 'failed', reason: 'timed out after 150 ms' },
    });
  });
});

describe('readinessUrlOf', () => {
  it.each([
    ['http://127.0.0.1:4002/graphql', 'http://127.0.0.1:4002/ready'],
    ['https://api.bpjs.go.id/jembatan/graphql', 'https://api.bpjs.go.id/jembatan/ready'],
  ])('puts the readiness endpoint of %s beside it: %s', (graphqlUrl, readinessUrl) => {
    expect(readinessUrlOf(graphqlUrl).href).toBe(readinessUrl);
  });
});
