import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createGraphqlHttpHandler, type RouteHandler } from '@jembatan/kit';
import type { GatewayContext } from '../../context';
import { withCors } from '../cors';
import { contextOf, startTestApollo } from './test-apollo';

const APP = 'https://hr.jakarta.go.id';
const OTHER = 'https://evil.example';

async function listen(handler: RouteHandler): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('withCors', () => {
  let handled = 0;
  let url: string;
  let server: Server;
  beforeAll(async () => {
    ({ server, url } = await listen(
      withCors([APP, 'http://localhost:5173'], (_request, response) => {
        handled += 1;
        response.writeHead(200, { 'content-type': 'text/plain' }).end('handled');
      }),
    ));
  });
  afterAll(() => close(server));

  const preflight = (origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization, x-purpose',
      },
    });

  it('answers a preflight from an allowed origin with what the browser needs, without the handler', async () => {
    const before = handled;
    const response = await preflight(APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual([
      'content-type',
      'authorization',
      'x-purpose',
      'x-data-subject',
      'x-request-id',
      'apollo-require-preflight',
    ]);
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(handled).toBe(before);
  });

  it('refuses a preflight from any other origin with 403 and no CORS header', async () => {
    const response = await preflight(OTHER);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('marks a response to an allowed origin readable, and lets the page read Retry-After', async () => {
    const response = await fetch(url, { method: 'POST', headers: { origin: 'http://localhost:5173' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('handled');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('gives any other origin, and a request without one, no CORS header', async () => {
    for (const headers of [{ origin: OTHER }, {}] as Record<string, string>[]) {
      const response = await fetch(url, { method: 'POST', headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('vary')).toBe('Origin');
    }
  });

  it('matches origins exactly: scheme, host and port', async () => {
    for (const lookalike of [
      'http://hr.jakarta.go.id',
      'https://hr.jakarta.go.id:8443',
      'https://hr.jakarta.go.id.evil.example',
    ]) {
      expect((await preflight(lookalike)).status).toBe(403);
    }
  });
});

describe('withCors in front of Apollo Server', () => {
  let apollo: ApolloServer<GatewayContext>;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    apollo = await startTestApollo();
    const graphql = createGraphqlHttpHandler({
      apollo,
      bodyLimitBytes: 64 * 1024,
      context: async () => contextOf(['analyst']),
    });
    ({ server, url } = await listen(withCors([APP], graphql)));
  });
  afterAll(async () => {
    await close(server);
    await apollo.stop();
  });

  it("leaves Apollo's CSRF prevention on: a simple GET is refused even from an allowed origin", async () => {
    const query = encodeURIComponent('{ workforceStatistics { unitCount } }');
    const simple = await fetch(`${url}?query=${query}`, { headers: { origin: APP } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toContain('apollo-require-preflight');

    const preflighted = await fetch(`${url}?query=${query}`, {
      headers: { origin: APP, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(preflighted.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await preflighted.json()).toEqual({ data: { workforceStatistics: { unitCount: 1 } } });
  });
});
