import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SUBGRAPH_RESILIENCE, type SubgraphResilience } from '../resilience-config';
import { SubgraphFailure } from '../subgraph-failure';
import { createSubgraphFetcher, type FetchOutcome, type SubgraphFetcher } from '../subgraph-fetcher';
import {
  answerJson,
  MUTATION_BODY,
  post,
  QUERY_BODY,
  refusingUrl,
  startLocalServer,
  type Handler,
  type LocalServer,
} from './local-server';

const FAST: SubgraphResilience = {
  ...DEFAULT_SUBGRAPH_RESILIENCE,
  timeoutMs: 2_000,
  retries: 2,
  retryBaseDelayMs: 10,
  retryMaxDelayMs: 40,
  retryAfterCapMs: 1_500,
  breakerFailures: 100,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function server(handler: Handler): Promise<LocalServer> {
  const started = await startLocalServer(handler);
  cleanups.push(() => started.close());
  return started;
}

function fetcher(settings: Partial<SubgraphResilience> = {}) {
  const outcomes: { durationMs: number; outcome: FetchOutcome }[] = [];
  const created: SubgraphFetcher = createSubgraphFetcher({
    subgraph: 'bpjs',
    settings: { ...FAST, ...settings },
    onFetch: (subgraph, durationMs, outcome) => {
      expect(subgraph).toBe('bpjs');
      outcomes.push({ durationMs, outcome });
    },
  });
  cleanups.push(() => created.close());
  return { ...created, outcomes };
}

async function failureOf(promise: Promise<unknown>): Promise<SubgraphFailure> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(SubgraphFailure);
  return error as SubgraphFailure;
}

const timed = async <T>(work: () => Promise<T>) => {
  const startedAt = performance.now();
  const result = await work();
  return { result, ms: performance.now() - startedAt };
};

describe('a healthy subgraph', () => {
  it('answers with its parsed JSON, without its URL, and reports ok', async () => {
    const local = await server(answerJson(200, { data: { unit: { name: 'Dinas Kesehatan' } } }));
    const { fetch, outcomes } = fetcher();
    const response = await fetch(local.url, post(QUERY_BODY));
    expect(response.status).toBe(200);
    expect(response.url).toBe('');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { unit: { name: 'Dinas Kesehatan' } } });
    expect(outcomes).toEqual([{ durationMs: expect.any(Number), outcome: 'ok' }]);
  });

  it('sends the method, headers and body it was given', async () => {
    let seen: { method?: string; token?: string | string[]; body: string } = { body: '' };
    const local = await server(answerJson());
    local.answerWith((request, response) => {
      seen = { ...seen, method: request.method, token: request.headers['x-jembatan-gateway-token'] };
      answerJson()(request, response);
    });
    const { fetch } = fetcher();
    await fetch(local.url, { ...post(QUERY_BODY), headers: { 'x-jembatan-gateway-token': 'signed' } });
    expect(seen).toMatchObject({ method: 'POST', token: 'signed' });
  });
});

describe('retries', () => {
  it('retries a query on 503 and returns the answer that follows', async () => {
    const local = await server((request, response, n) =>
      n < 3 ? answerJson(503, { errors: [] })(request, response) : answerJson()(request, response),
    );
    const { fetch, outcomes } = fetcher();
    expect(await (await fetch(local.url, post(QUERY_BODY))).json()).toEqual({ data: { ok: true } });
    expect(local.requests).toBe(3);
    expect(outcomes.map((o) => o.outcome)).toEqual(['ok']);
  });

  it('never retries a mutation', async () => {
    const local = await server(answerJson(503, { errors: [] }));
    const { fetch, outcomes } = fetcher();
    const failure = await failureOf(fetch(local.url, post(MUTATION_BODY)));
    expect(failure).toMatchObject({ kind: 'server-error', details: { status: 503 } });
    expect(local.requests).toBe(1);
    expect(outcomes.map((o) => o.outcome)).toEqual(['server-error']);
  });

  it('retries a query whose connection broke before the answer', async () => {
    const local = await server((request, response, n) =>
      n < 3 ? request.socket.destroy() : answerJson()(request, response),
    );
    const { fetch } = fetcher();
    expect((await fetch(local.url, post(QUERY_BODY))).status).toBe(200);
    expect(local.requests).toBe(3);
  });

  it('gives up on a refused connection after its retries, as a connection failure', async () => {
    const { fetch, outcomes } = fetcher();
    const failure = await failureOf(fetch(await refusingUrl(), post(QUERY_BODY)));
    expect(failure.kind).toBe('connection');
    expect(failure.message).toBe('subgraph bpjs: connection failed (ECONNREFUSED)');
    expect(outcomes.map((o) => o.outcome)).toEqual(['connection']);
  });

  it('does not retry a 500, an HTML page or invalid JSON', async () => {
    const html: Handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Bad gateway</body></html>');
    };
    const invalidJson: Handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"data": {');
    };
    const notGraphql = answerJson(200, ['not', 'a', 'response']);
    for (const [handler, kind] of [
      [answerJson(500, { errors: [] }), 'server-error'],
      [html, 'invalid-response'],
      [invalidJson, 'invalid-response'],
      [notGraphql, 'invalid-response'],
    ] as const) {
      const local = await server(handler);
      const { fetch } = fetcher();
      expect((await failureOf(fetch(local.url, post(QUERY_BODY)))).kind).toBe(kind);
      expect(local.requests).toBe(1);
    }
  });

  it('honours a Retry-After within the cap', async () => {
    const local = await server((request, response, n) =>
      n === 1 ? answerJson(429, {}, { 'retry-after': '1' })(request, response) : answerJson()(request, response),
    );
    const { fetch } = fetcher();
    const { result, ms } = await timed(() => fetch(local.url, post(QUERY_BODY)));
    expect(result.status).toBe(200);
    expect(local.requests).toBe(2);
    expect(local.arrivals[1]! - local.arrivals[0]!).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(1_500);
  });

  it('fails at once on a Retry-After beyond the cap, instead of retrying early', async () => {
    const local = await server(answerJson(429, {}, { 'retry-after': '30' }));
    const { fetch } = fetcher();
    const { result: failure, ms } = await timed(() => failureOf(fetch(local.url, post(QUERY_BODY))));
    expect(failure).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAfterMs: 30_000 } });
    expect(local.requests).toBe(1);
    expect(ms).toBeLessThan(500);
  });
});

describe('the deadline', () => {
  it('ends a fetch to a subgraph that never answers, once, at the timeout', async () => {
    const local = await server(() => {});
    const { fetch, outcomes } = fetcher({ timeoutMs: 300 });
    const { result: failure, ms } = await timed(() => failureOf(fetch(local.url, post(QUERY_BODY))));
    expect(failure.kind).toBe('timeout');
    expect(ms).toBeGreaterThanOrEqual(295);
    expect(ms).toBeLessThan(600);
    expect(local.requests).toBe(1);
    expect(outcomes.map((o) => o.outcome)).toEqual(['timeout']);
  });

  it('also covers a body that starts and never finishes', async () => {
    const local = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data": {');
    });
    const { fetch } = fetcher({ timeoutMs: 300 });
    expect((await failureOf(fetch(local.url, post(QUERY_BODY)))).kind).toBe('timeout');
  });

  it('covers the retries and their pauses: a slow 503 is not retried past it', async () => {
    const local = await server((request, response) => {
      setTimeout(() => answerJson(503, {})(request, response), 150);
    });
    const { fetch } = fetcher({ timeoutMs: 400, retries: 5 });
    const { result: failure, ms } = await timed(() => failureOf(fetch(local.url, post(QUERY_BODY))));
    expect(failure.kind).toBe('timeout');
    expect(ms).toBeLessThan(700);
    expect(local.requests).toBeLessThanOrEqual(3);
  });
});

describe('the keep-alive pool', () => {
  it('reuses at most `maxConnections` connections under 50 concurrent fetches', async () => {
    const local = await server((request, response) => {
      setTimeout(() => answerJson()(request, response), 20);
    });
    const { fetch } = fetcher({ maxConnections: 8 });
    const wave = () => Promise.all(Array.from({ length: 50 }, () => fetch(local.url, post(QUERY_BODY))));
    expect((await wave()).every((response) => response.status === 200)).toBe(true);
    expect(local.requests).toBe(50);
    expect(local.connections).toBeGreaterThan(1);
    expect(local.connections).toBeLessThanOrEqual(8);
    const afterFirstWave = local.connections;
    await wave();
    expect(local.requests).toBe(100);
    // The second wave rides on the connections the first one opened.
    expect(local.connections).toBe(afterFirstWave);
  });

  it('keeps a connection after an error status, so failures do not churn sockets', async () => {
    const local = await server((request, response, n) =>
      n % 2 === 1 ? answerJson(500, { errors: [] })(request, response) : answerJson()(request, response),
    );
    const { fetch } = fetcher({ maxConnections: 1 });
    for (let i = 0; i < 6; i += 1) {
      await fetch(local.url, post(QUERY_BODY)).catch(() => undefined);
      await sleep(1);
    }
    expect(local.requests).toBe(6);
    expect(local.connections).toBe(1);
  });
});
