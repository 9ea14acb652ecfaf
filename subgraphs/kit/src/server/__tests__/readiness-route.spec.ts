import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadinessCheck } from '../readiness-check';
import { readinessRoute, type ReadinessRouteOptions } from '../readiness-route';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(checks: ReadinessCheck[], options?: ReadinessRouteOptions): Promise<string> {
  const route = readinessRoute(checks, options);
  server = createServer((request, response) => void route(request, response));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ready`;
}

describe('readinessRoute', () => {
  it('answers 200 with every check, uncached', async () => {
    const url = await serve([{ name: 'database', run: async () => {} }]);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: { database: { status: 'ok', ms: expect.any(Number) } },
    });
  });

  it('answers 503 naming the failing check and its reason', async () => {
    const url = await serve([
      { name: 'database', run: async () => {} },
      {
        name: 'migrations',
        run: async () => {
          throw new Error('migrations pending');
        },
      },
    ]);
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'not_ready',
      checks: { database: { status: 'ok' }, migrations: { status: 'failed', reason: 'migrations pending' } },
    });
  });

  it('answers 503 draining once shutdown has begun, without running the checks', async () => {
    let ran = false;
    const url = await serve([{ name: 'database', run: async () => void (ran = true) }], { isDraining: () => true });
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'draining', checks: {} });
    expect(ran).toBe(false);
  });

  it('answers draining when shutdown begins while its checks run', async () => {
    let draining = false;
    const url = await serve(
      [
        {
          name: 'subgraph:bpjs',
          run: async () => {
            draining = true;
          },
        },
      ],
      { isDraining: () => draining },
    );
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'draining', checks: { 'subgraph:bpjs': { status: 'ok' } } });
  });
});
