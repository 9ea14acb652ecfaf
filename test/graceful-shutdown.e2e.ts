import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserTokenMinter, DEV_ISSUER, PURPOSE_HEADER } from '@jembatan/gateway';
import {
  createGatewayTokenSigner,
  devKeyPaths,
  dropPostgresDatabase,
  ensureDevPrivateJwk,
  ensurePostgresDatabase,
  GATEWAY_TOKEN_HEADER,
  withDatabaseName,
} from '@jembatan/kit';
import { REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';
import { callerWith, freePort, POSTGRES_SERVER_URL, testEngine } from './harness';
import { testDatabaseName, testDataFolder } from '@jembatan/kit/testing';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

/**
 * Real service processes, stopped with SIGTERM while a request is in flight: the request gets
 * its whole answer, new connections are refused from the signal on, and the process exits by
 * itself, 0 after a clean drain and 1 when the grace period had to cut a request.
 */
const ROOT = resolve(__dirname, '..');
const dataDir = testDataFolder('shutdown');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const STATISTICS_QUERY = '{ workforceStatistics { workerCount } }';
const ANALYST = callerWith('analyst');

interface LogLine {
  message: string;
  [field: string]: unknown;
}

interface ServiceProcess {
  child: ChildProcess;
  port: number;
  /** The first log line with this message, once written. */
  logged(message: string): Promise<LogLine>;
  exited: Promise<{ code: number | null; at: number }>;
}

/** Runs a service's main.ts as `pnpm start` does, with a data folder of this test's own. */
async function startService(entry: string, port: number, env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...RUN_FROM_SOURCE, entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      WORKFORCE_DATABASE_URL: '',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let output = '';
  createInterface({ input: child.stdout! }).on('line', (line) => {
    output += `${line}\n`;
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // Not one of our log lines.
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((done) =>
    child.once('exit', (code) => done({ code, at: performance.now() })),
  );
  const service: ServiceProcess = {
    child,
    port,
    exited,
    async logged(message) {
      for (;;) {
        const line = lines.find((candidate) => candidate.message === message);
        if (line) return line;
        if (child.exitCode !== null) throw new Error(`${entry} exited without logging "${message}":\n${output}`);
        await new Promise((pause) => setTimeout(pause, 20));
      }
    },
  };
  // Live once /health answers: the first start of a subgraph creates, migrates and seeds its database.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} did not start:\n${output}`);
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return service;
    await new Promise((pause) => setTimeout(pause, 100));
  }
}

/** Opens a new TCP connection: 'connected', or the error code it was refused with. */
function newConnection(port: number): Promise<string> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

const secondsSince = (start: number, end: number) => (end - start) / 1000;

/**
 * A stand-in agency subgraph for a gateway: answers its GraphQL and /ready after pauses the test
 * sets (`null`: never), and tells when a request arrives.
 */
async function startFakeSubgraph(data: unknown) {
  const pauses = { graphqlMs: 0 as number | null, readyMs: 0 };
  const arrivals = new EventEmitter();
  const server = createServer((request, response) => {
    request.resume();
    const path = request.url === '/ready' ? '/ready' : '/graphql';
    arrivals.emit(path);
    const pause = path === '/ready' ? pauses.readyMs : pauses.graphqlMs;
    if (pause === null) return;
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(path === '/ready' ? { status: 'ready', checks: {} } : { data }));
    }, pause);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    pauses,
    /** Resolves when the next request to this path arrives. */
    arrival: (path: '/graphql' | '/ready') => once(arrivals, path),
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('a gateway process stopped with SIGTERM', () => {
  const workerCount = 3000;
  let workforce: Awaited<ReturnType<typeof startFakeSubgraph>>;
  let bpjs: Awaited<ReturnType<typeof startFakeSubgraph>>;
  let userToken: string;

  beforeAll(async () => {
    workforce = await startFakeSubgraph({ workforceStatistics: { workerCount } });
    bpjs = await startFakeSubgraph({});
    // The development identity provider's key, which the gateway trusts in development: `pnpm token`'s.
    const issuerKey = await ensureDevPrivateJwk(devKeyPaths(dataDir).userIssuer, 'ES256');
    const mint = await createUserTokenMinter(issuerKey, { issuer: DEV_ISSUER, audience: 'jembatan' });
    userToken = await mint(ANALYST);
  });
  afterAll(() => {
    workforce.close();
    bpjs.close();
  });

  const startGateway = async (shutdownGraceMs: number) => {
    const port = await freePort();
    return startService('gateway/src/main.ts', port, {
      GATEWAY_PORT: String(port),
      // Agencies registered after these two (`pnpm new-subgraph`) are stood in for by the BPJS fake.
      ...Object.fromEntries(REGISTERED_AGENCIES.map((agency) => [`${agency.envPrefix}_URL`, bpjs.url])),
      WORKFORCE_URL: workforce.url,
      BPJS_URL: bpjs.url,
      SHUTDOWN_GRACE_MS: String(shutdownGraceMs),
    });
  };

  const askWorkerCount = (port: number) =>
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${userToken}`,
        [PURPOSE_HEADER]: 'STATISTICS',
      },
      body: JSON.stringify({ query: STATISTICS_QUERY }),
    });

  it('answers the request in flight in full, refuses new connections, drains readiness and exits 0', async () => {
    workforce.pauses.graphqlMs = 1_500;
    workforce.pauses.readyMs = 0;
    const gateway = await startGateway(5_000);
    expect((await fetch(`http://127.0.0.1:${gateway.port}/ready`)).status).toBe(200);

    // A slow query, and a readiness probe still waiting on the workforce subgraph, both in flight.
    workforce.pauses.readyMs = 1_000;
    const queried = workforce.arrival('/graphql');
    const probed = workforce.arrival('/ready');
    const answer = askWorkerCount(gateway.port);
    const readiness = fetch(`http://127.0.0.1:${gateway.port}/ready`);
    await Promise.all([queried, probed]);

    const signalled = performance.now();
    gateway.child.kill('SIGTERM');
    await gateway.logged('shutting down');
    expect(await newConnection(gateway.port)).toBe('ECONNREFUSED');

    const drained = await readiness;
    expect(drained.status).toBe(503);
    expect(await drained.json()).toMatchObject({ status: 'draining' });
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { workforceStatistics: { workerCount } } });

    const { code, at } = await gateway.exited;
    expect(code).toBe(0);
    // It waited for the subgraph's answer (1.5 s after the query reached it), and no longer.
    expect(secondsSince(signalled, at)).toBeGreaterThan(1);
    expect(secondsSince(signalled, at)).toBeLessThan(5);
    expect(await gateway.logged('stopped')).toMatchObject({ level: 'info' });
  }, 30_000);

  it('cuts a request still in flight when the grace period ends, and exits 1 saying so', async () => {
    workforce.pauses.graphqlMs = null;
    workforce.pauses.readyMs = 0;
    const gateway = await startGateway(1_000);
    const queried = workforce.arrival('/graphql');
    const answer = askWorkerCount(gateway.port).then(
      (response) => `answered ${response.status}`,
      () => 'cut',
    );
    await queried;

    const signalled = performance.now();
    gateway.child.kill('SIGTERM');
    expect(await answer).toBe('cut');
    const { code, at } = await gateway.exited;
    expect(code).toBe(1);
    expect(secondsSince(signalled, at)).toBeGreaterThanOrEqual(1);
    expect(secondsSince(signalled, at)).toBeLessThan(3);
    expect(await gateway.logged('stopped, cutting requests still in flight after the grace period')).toMatchObject({
      requestsCut: 1,
      graceMs: 1_000,
    });
  }, 30_000);
});

describe('a subgraph process stopped with SIGTERM', () => {
  // On the PostgreSQL project the subgraph runs on a throwaway database of the test server.
  const databaseUrl =
    testEngine() === 'postgres' ? withDatabaseName(POSTGRES_SERVER_URL, testDatabaseName('shutdown')) : undefined;
  beforeAll(async () => {
    if (databaseUrl) await ensurePostgresDatabase(databaseUrl);
  });
  afterAll(async () => {
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
  });

  /**
   * Sends a request's headers announcing a body (`Expect: 100-continue`), and the body only when
   * told: the request is in flight, on the server's side, from the `100 Continue` on.
   */
  function slowUpload(port: number, headers: Record<string, string>, body: string) {
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    request.flushHeaders();
    const answer = new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((done, fail) => {
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      });
      request.on('error', fail);
    });
    return { continued: once(request, 'continue'), answer, finish: () => request.end(body) };
  }

  it('answers a request whose body was still arriving at the signal, then closes its database and exits 0', async () => {
    // The development gateway key the subgraph trusts, as the gateway's first start would leave it.
    const sign = await createGatewayTokenSigner(
      await ensureDevPrivateJwk(devKeyPaths(dataDir).gatewaySigning, 'EdDSA'),
    );
    const port = await freePort();
    const subgraph = await startService('subgraphs/workforce/src/main.ts', port, {
      WORKFORCE_PORT: String(port),
      SEED_PRESET: 'demo',
      SHUTDOWN_GRACE_MS: '5000',
      ...(databaseUrl ? { WORKFORCE_DATABASE_URL: databaseUrl } : {}),
    });
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);

    const forwarded = {
      caller: ANALYST,
      purpose: 'STATISTICS' as const,
      requestId: randomUUID(),
      operationName: null,
      dataSubject: null,
    };
    const upload = slowUpload(
      port,
      { [GATEWAY_TOKEN_HEADER]: await sign('workforce', forwarded, { query: STATISTICS_QUERY }) },
      JSON.stringify({ query: STATISTICS_QUERY }),
    );
    await upload.continued;

    const signalled = performance.now();
    subgraph.child.kill('SIGTERM');
    await subgraph.logged('shutting down');
    expect(await newConnection(port)).toBe('ECONNREFUSED');

    // The query reaches the database only now, after the signal: the database is still open.
    upload.finish();
    const answer = await upload.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { workforceStatistics: { workerCount: 3000 } } });
    expect(answer.headers.connection).toBe('close');

    const { code, at } = await subgraph.exited;
    expect(code).toBe(0);
    expect(secondsSince(signalled, at)).toBeLessThan(5);
    expect(await subgraph.logged('stopped')).toMatchObject({ level: 'info' });
    if (!databaseUrl) expect(existsSync(join(dataDir, 'workforce.lock'))).toBe(false);
  }, 60_000);
});
