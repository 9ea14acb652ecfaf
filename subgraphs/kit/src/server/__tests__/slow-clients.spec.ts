import { Agent, request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { watchEventLoopDelay } from '../../testing/event-loop-delay';
import type { HttpServerLimits } from '../../config/http-server-config';
import { connectionsCheckingIntervalFor, startHttpService, type HttpService } from '../http-service';

/** Short enough for a test, long enough that a loaded machine never hits it with a real request. */
const LIMITS: HttpServerLimits = { headersTimeoutMs: 400, requestTimeoutMs: 800, maxConnections: 1_000 };
const CHECK_MS = connectionsCheckingIntervalFor(LIMITS.headersTimeoutMs);
/** A slow client's pace: well inside the header timeout, so only the timeout can end it. */
const DRIP_MS = 20;

const services: HttpService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function start(limits: HttpServerLimits): Promise<HttpService> {
  const service = await startHttpService({
    host: '127.0.0.1',
    port: 0,
    graphqlPath: '/graphql',
    graphql: (request, response) => {
      request.resume();
      request.once('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}'));
    },
    limits,
    onError: (error) => {
      throw error;
    },
  });
  services.push(service);
  return service;
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** How late the loop ran: the server's sweep and our 'close' event share it. */
const loopDelay = watchEventLoopDelay();
afterAll(() => loopDelay.stop());

/**
 * Writes `head` and then one byte at a time, as a slowloris does, until the server closes the
 * connection or `maxMs` has passed; resolves with how long the connection lived.
 */
async function dripUntilClosed(socket: Socket, head: string, maxMs: number): Promise<number | 'still open'> {
  let closedAfterMs: number | undefined;
  const startedAt = performance.now();
  socket.on('error', () => {});
  socket.once('close', () => (closedAfterMs = performance.now() - startedAt));
  socket.write(head);
  for (let sent = 0; closedAfterMs === undefined && sent < Math.ceil(maxMs / DRIP_MS); sent += 1) {
    await sleep(DRIP_MS);
    if (!socket.destroyed) socket.write('a');
  }
  socket.destroy();
  return closedAfterMs ?? 'still open';
}

/** Node closes a timed-out connection at its first sweep after the limit: one sweep more of slack, plus the loop's lag. */
const latestClose = (limitMs: number) => limitMs + 2 * CHECK_MS + DRIP_MS + 2 * loopDelay.maxMs();

async function answeredStatus(service: HttpService): Promise<number> {
  const response = await fetch(service.url, { method: 'POST', body: '{}' });
  await response.text();
  return response.status;
}

describe('slow clients', () => {
  it('closes a connection that sends its headers a byte at a time once the header timeout passes, serving others meanwhile', async () => {
    const service = await start(LIMITS);
    const socket = await openSocket(service.port);
    const served: number[] = [];
    const slowloris = dripUntilClosed(
      socket,
      'POST /graphql HTTP/1.1\r\nHost: x\r\nX-Slow: ',
      4 * LIMITS.headersTimeoutMs,
    );
    let lived: number | 'still open' | undefined;
    void slowloris.then((ms) => (lived = ms));
    while (lived === undefined) {
      served.push(await answeredStatus(service));
      await sleep(DRIP_MS);
    }
    expect(lived).not.toBe('still open');
    expect(lived).toBeGreaterThanOrEqual(LIMITS.headersTimeoutMs);
    expect(lived).toBeLessThan(latestClose(LIMITS.headersTimeoutMs));
    expect(served.length).toBeGreaterThan(0);
    expect(new Set(served)).toEqual(new Set([200]));
  });

  it('closes a connection that sends its body a byte at a time once the request timeout passes', async () => {
    const service = await start(LIMITS);
    const socket = await openSocket(service.port);
    const head =
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n';
    const lived = await dripUntilClosed(socket, head, 4 * LIMITS.requestTimeoutMs);
    expect(lived).not.toBe('still open');
    expect(lived).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs);
    expect(lived).toBeLessThan(latestClose(LIMITS.requestTimeoutMs));
  });

  it('keeps an idle kept-alive connection open past the header timeout, and answers on it again', async () => {
    const service = await start(LIMITS);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = httpRequest(service.url, { method: 'POST', agent }, (response) => {
          response.resume();
          response.once('end', () => resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }));
        });
        request.once('error', reject);
        request.end('{}');
      });
    expect(await send()).toEqual({ status: 200, reused: false });
    await sleep(LIMITS.headersTimeoutMs + 2 * CHECK_MS);
    expect(await send()).toEqual({ status: 200, reused: true });
    agent.destroy();
  });

  it('drops connections past the cap, and accepts again once one closes', async () => {
    const cap = 2;
    const service = await start({ ...LIMITS, headersTimeoutMs: 10_000, requestTimeoutMs: 10_000, maxConnections: cap });
    const held = await Promise.all(Array.from({ length: cap }, () => openSocket(service.port)));
    const refused = await openSocket(service.port);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      refused.on('data', (chunk: Buffer) => (text += chunk.toString()));
      refused.on('error', () => {});
      refused.once('close', () => resolve(text));
      refused.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    });
    expect(answer).toBe('');
    held[0]!.destroy();
    // The server counts the closed connection when its close event reaches it: a few sweeps at most.
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 200; attempt += 1) {
      status = await answeredStatus(service).catch(() => 0);
      if (status !== 200) await sleep(DRIP_MS);
    }
    expect(status).toBe(200);
    for (const socket of held) socket.destroy();
  });
});
