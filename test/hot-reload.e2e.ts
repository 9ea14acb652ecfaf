import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileSupergraph, PURPOSE_HEADER, readLimitsConfig, startGateway, type FileSupergraph } from '@jembatan/gateway';
import type { HttpService, Logger } from '@jembatan/kit';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import { generateWorld } from '@jembatan/seed-world';
import { callerWith, startSupergraph, type RunningSupergraph, testUserTokenSettings } from './harness';
import { testDataFolder } from '@jembatan/kit/testing';

const world = generateWorld('demo');
const COMMITTED = readFileSync(SUPERGRAPH_PATH, 'utf8');
const DESCRIPTION = 'Registry-wide counts of units and workers, computed in the database.';
const STATISTICS = '{ workforceStatistics { unitCount } }';
/** How long the stand-in for a slow agency holds each request. */
const SLOW_MS = 1_500;

/** The committed supergraph, with the workforce subgraph at another URL and its statistics described anew. */
function supergraphWith(subgraphUrls: { workforce: string; bpjs: string }, description: string): string {
  if (!COMMITTED.includes(DESCRIPTION)) throw new Error('the committed supergraph no longer has the test description');
  return COMMITTED.replace(DESCRIPTION, description).replace(
    /(@join__graph\(name: "(workforce|bpjs)", url: ")[^"]*(")/g,
    (_match, start: string, name: 'workforce' | 'bpjs', end: string) => `${start}${subgraphUrls[name]}${end}`,
  );
}

/** Forwards every request to `target` after holding it for `delayMs`: a slow agency, with a count of calls. */
async function startSlowProxy(target: string, delayMs: number) {
  let received = 0;
  const server: Server = createServer(async (request, response) => {
    received += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    await sleep(delayMs);
    const headers = Object.entries(request.headers).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && !['host', 'connection', 'content-length'].includes(entry[0]),
    );
    const answer = await fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let supergraph: RunningSupergraph;
let slowWorkforce: Awaited<ReturnType<typeof startSlowProxy>>;
let gateway: HttpService;
let manager: FileSupergraph;
let folder: string;
let file: string;
const reloads: string[] = [];
const refusals: Error[] = [];
const errorLines: string[] = [];

/** As a deploy tool writes it: a new file beside the old, renamed over it. */
function deploy(content: string) {
  writeFileSync(`${file}.next`, content);
  renameSync(`${file}.next`, file);
}

beforeAll(async () => {
  supergraph = await startSupergraph();
  slowWorkforce = await startSlowProxy(supergraph.workforce.url, SLOW_MS);
  folder = testDataFolder('hot-reload');
  file = join(folder, 'supergraph.graphql');
  writeFileSync(file, supergraphWith({ workforce: slowWorkforce.url, bpjs: supergraph.bpjs.url }, 'version 1'));
  const logger: Logger = { info() {}, warn() {}, error: (message) => errorLines.push(message) };
  manager = fileSupergraph(file, {
    logger,
    onReload: ({ sha256 }) => reloads.push(sha256),
    onError: (error) => refusals.push(error),
  });
  gateway = await startGateway({
    auth: testUserTokenSettings(supergraph.keys),
    signingKey: supergraph.keys.gatewaySigning,
    limits: readLimitsConfig({ RATE_LIMIT_POINTS: '1000000', RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}` }),
    supergraphSdl: manager,
    // None: each subgraph is called where the supergraph file says, so a new file can move it.
    subgraphUrls: {},
    host: '127.0.0.1',
    port: 0,
    production: false,
    logger,
  });
});
afterAll(async () => {
  await gateway?.close();
  await slowWorkforce?.close();
  await supergraph?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function send(query: string) {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await supergraph.tokenFor(callerWith('analyst'))}`,
      [PURPOSE_HEADER]: 'STATISTICS',
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: unknown[] },
    finishedAt: performance.now(),
    ms: performance.now() - started,
  };
}

const describedAs = async () => {
  const { body } = await send('{ __schema { queryType { fields { name description } } } }');
  const { __schema } = body.data as { __schema: { queryType: { fields: { name: string; description: string }[] } } };
  const fields = __schema.queryType.fields;
  return fields.find((field) => field.name === 'workforceStatistics')!.description;
};

describe('hot reload of the supergraph file', () => {
  it('finishes a request in flight on the supergraph it started with, and plans the next on the new one', async () => {
    expect(manager.isLoaded()).toBe(true);
    expect(await describedAs()).toBe('version 1');

    const inFlight = send(STATISTICS);
    await vi.waitFor(() => expect(slowWorkforce.received()).toBe(1));

    deploy(supergraphWith({ workforce: supergraph.workforce.url, bpjs: supergraph.bpjs.url }, 'version 2'));
    await vi.waitFor(() => expect(reloads).toHaveLength(1));
    const reloadedAt = performance.now();

    const next = await send(STATISTICS);
    expect(next.status).toBe(200);
    expect(next.body).toEqual({ data: { workforceStatistics: { unitCount: world.units.length } } });
    expect(next.ms).toBeLessThan(SLOW_MS);
    expect(await describedAs()).toBe('version 2');

    const first = await inFlight;
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ data: { workforceStatistics: { unitCount: world.units.length } } });
    expect(first.finishedAt).toBeGreaterThan(reloadedAt);
    // Only the request in flight went through the old supergraph's subgraph URL.
    expect(slowWorkforce.received()).toBe(1);
  });

  it('keeps serving the previous supergraph when the new file is invalid, and takes the next good one', async () => {
    deploy('type Query {');
    await vi.waitFor(() => expect(refusals).toHaveLength(1));
    expect(errorLines).toEqual(['supergraph refused; still serving the previous one']);
    expect(manager.isLoaded()).toBe(true);
    const answer = await send(STATISTICS);
    expect(answer.body).toEqual({ data: { workforceStatistics: { unitCount: world.units.length } } });
    expect(await describedAs()).toBe('version 2');

    // Written in place this time, as some editors do.
    writeFileSync(
      file,
      supergraphWith({ workforce: supergraph.workforce.url, bpjs: supergraph.bpjs.url }, 'version 3'),
    );
    await vi.waitFor(() => expect(reloads).toHaveLength(2));
    expect(await describedAs()).toBe('version 3');
    expect(refusals).toHaveLength(1);
  });
});
