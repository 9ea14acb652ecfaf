import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_CLOSE_GRACE_MS, startHttpService, type HttpService, type RouteHandler } from '../http-service';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function post(url: string, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end('{}');
  });
}

/** Resolves with the error code of a new TCP connection to the port, or 'connected'. */
function newConnection(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** A GraphQL handler that answers only when the test says so, and says when a request reached it. */
function gatedHandler() {
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const handler: RouteHandler = async (_request, response) => {
    arrived();
    await gate;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"data":{"answer":42}}');
  };
  return { handler, reached, release };
}

const services: HttpService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function start(graphql: RouteHandler, extra: Partial<Parameters<typeof startHttpService>[0]> = {}) {
  const service = await startHttpService({
    host: '127.0.0.1',
    port: 0,
    graphqlPath: '/graphql',
    graphql,
    onError: (error) => {
      throw error;
    },
    ...extra,
  });
  services.push(service);
  return service;
}

describe('startHttpService shutdown', () => {
  it('keeps its former 5 s grace period when none is given', async () => {
    const service = await start(() => {});
    expect(service.shutdownGraceMs).toBe(DEFAULT_HTTP_CLOSE_GRACE_MS);
    expect(DEFAULT_HTTP_CLOSE_GRACE_MS).toBe(5_000);
  });

  it('refuses new connections at once, lets a request in flight finish, and closes its connection after', async () => {
    const slow = gatedHandler();
    const service = await start(slow.handler, { shutdownGraceMs: 5_000 });
    const answer = post(service.url);
    await slow.reached;

    const started = performance.now();
    const closed = service.close();
    expect(await newConnection(service.port)).toBe('ECONNREFUSED');
    setTimeout(slow.release, 200);

    expect(await answer).toMatchObject({
      status: 200,
      body: '{"data":{"answer":42}}',
      headers: { connection: 'close' },
    });
    await closed;
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(0.19);
    expect(seconds).toBeLessThan(1);
    expect(service.requestsCut()).toBe(0);
  });

  it('cuts a request still in flight when the grace period ends, and counts it', async () => {
    const stuck = gatedHandler();
    const service = await start(stuck.handler, { shutdownGraceMs: 200 });
    const answer = post(service.url).catch((error: NodeJS.ErrnoException) => error.code);
    await stuck.reached;

    const started = performance.now();
    await service.close();
    const seconds = (performance.now() - started) / 1000;
    expect(await answer).toBe('ECONNRESET');
    expect(seconds).toBeGreaterThanOrEqual(0.19);
    expect(seconds).toBeLessThan(1);
    expect(service.requestsCut()).toBe(1);
    stuck.release();
  });

  it('is not held up by idle kept-alive connections', async () => {
    const service = await start((_request, response) => void response.end('{}'), { shutdownGraceMs: 5_000 });
    const agent = new Agent({ keepAlive: true });
    await post(service.url, agent);
    const started = performance.now();
    await service.close();
    expect(performance.now() - started).toBeLessThan(500);
    agent.destroy();
  });

  it('closes a kept-alive connection that turns idle during the drain, without waiting for the grace period', async () => {
    const service = await start(
      (_request, response) => {
        // Headers leave before the drain begins, so this connection cannot be told to close.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"data":');
        setTimeout(() => response.end('1}'), 200);
      },
      { shutdownGraceMs: 5_000 },
    );
    const agent = new Agent({ keepAlive: true });
    const answer = post(service.url, agent);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await service.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await answer).toMatchObject({ status: 200, body: '{"data":1}' });
    agent.destroy();
  });

  it('returns the same drain to a second close', async () => {
    const service = await start(() => {});
    expect(service.close()).toBe(service.close());
    await service.close();
  });
});

describe('startHttpService readiness', () => {
  it('serves the checks at /ready, and answers draining once close has begun', async () => {
    let checked!: () => void;
    let finishCheck!: () => void;
    const checking = new Promise<void>((resolve) => (checked = resolve));
    const service = await start(() => {}, {
      readiness: [
        {
          name: 'database',
          run: () => {
            checked();
            return new Promise<void>((resolve) => (finishCheck = resolve));
          },
        },
      ],
    });
    const readyUrl = service.url.replace('/graphql', '/ready');
    const probe = fetch(readyUrl);
    await checking;
    finishCheck();
    expect((await probe).status).toBe(200);

    const second = fetch(readyUrl);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closed = service.close();
    finishCheck();
    const answer = await second;
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ status: 'draining', checks: { database: { status: 'ok' } } });
    await closed;
  });

  it('refuses a /ready route beside readiness checks', async () => {
    await expect(
      startHttpService({
        host: '127.0.0.1',
        port: 0,
        graphqlPath: '/graphql',
        graphql: () => {},
        routes: { '/ready': () => {} },
        readiness: [],
        onError: () => {},
      }),
    ).rejects.toThrow(/\/ready is served from the readiness checks/);
  });
});

describe('a port that cannot be bound', () => {
  it('names the port, the variable to change and how to find what holds it', async () => {
    const options = (port: number) => ({
      host: '127.0.0.1',
      port,
      portVariable: 'WORKFORCE_PORT',
      graphqlPath: '/graphql',
      graphql: (() => {}) as RouteHandler,
      onError: () => {},
    });
    const first = await startHttpService(options(0));
    try {
      const taken = Number(new URL(first.url).port);
      await expect(startHttpService(options(taken))).rejects.toThrow(
        `Port ${taken} on 127.0.0.1 is already in use (another Jembatan service, or an earlier run still going?): set WORKFORCE_PORT to another port, or stop what listens there (ss -ltnp 'sport = :${taken}')`,
      );
    } finally {
      await first.close();
    }
  });
});

describe('startHttpService internal routes', () => {
  const metrics: RouteHandler = (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('jembatan_up 1\n');
  };

  it('serves them with the public routes when no internal listener is given', async () => {
    const service = await start(() => {}, { internalRoutes: { '/metrics': metrics } });
    expect(service.internalUrl).toBeUndefined();
    expect((await fetch(new URL('/metrics', service.url))).status).toBe(200);
  });

  it('serves them only on the internal listener when one is given, until the service has drained', async () => {
    const { handler, reached, release } = gatedHandler();
    const service = await start(handler, {
      internalRoutes: { '/metrics': metrics },
      internalListener: { host: '127.0.0.1', port: 0 },
    });
    expect((await fetch(new URL('/metrics', service.url))).status).toBe(404);
    const scraped = await fetch(`${service.internalUrl}/metrics`);
    expect([scraped.status, await scraped.text()]).toEqual([200, 'jembatan_up 1\n']);
    expect((await fetch(`${service.internalUrl}/graphql`)).status).toBe(404);

    const inFlight = post(service.url);
    await reached;
    const closing = service.close();
    expect((await fetch(`${service.internalUrl}/metrics`)).status).toBe(200);
    release();
    await inFlight;
    await closing;
    const port = Number(new URL(service.internalUrl!).port);
    expect(await newConnection(port)).toBe('ECONNREFUSED');
  });
});
