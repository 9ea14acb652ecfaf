import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUBGRAPH_RESILIENCE, type ResilienceConfig } from '@jembatan/gateway';
import { generateWorld } from '@jembatan/seed-world';
import { startSupergraph, type RunningSupergraph } from './harness';

/**
 * One agency down must not take the other's data with it: through the real gateway, each way a
 * subgraph can fail gives HTTP 200, the healthy agency's data, an error at each missing field
 * that names the agency and nothing else about it, and the next request after it recovers
 * succeeds in full.
 */

const BPJS_TIMEOUT_MS = 1_000;
const BREAKER_PAUSE_MS = 600;
const RESILIENCE: ResilienceConfig = {
  defaults: {
    ...DEFAULT_SUBGRAPH_RESILIENCE,
    timeoutMs: 5_000,
    retries: 2,
    retryBaseDelayMs: 20,
    retryMaxDelayMs: 100,
    // Above what one request against a failing agency costs (two fetches, three attempts each),
    // so each fault below is seen for itself; the breaker test drives it past this on purpose.
    breakerFailures: 8,
    breakerHalfOpenAfterMs: BREAKER_PAUSE_MS,
  },
  subgraphs: { bpjs: { timeoutMs: BPJS_TIMEOUT_MS } },
};

// Text a leak would carry: the fakes' own answers, and anything naming where the agencies run.
const STATUS_TEXT = 'Agency Meltdown';
const BODY_SECRET = 'bpjs-db-01.internal';
const INTERNAL_TEXT = ['127.0.0.1', 'localhost', 'ECONNREFUSED', '<html', STATUS_TEXT, BODY_SECRET, 'Slow Down'];

type Behaviour = 'forward' | 'hang' | 'html-500' | 'invalid-json' | 'rate-limited';

/** An agency's address as the gateway knows it: forwards to the real subgraph, or fails as told. */
interface FakeAgency {
  url: string;
  hostPort: string;
  readonly requests: number;
  behave(behaviour: Behaviour): void;
  forwardTo(url: string): void;
  /** Stops listening and drops every connection: connecting is refused. */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  accept(): Promise<void>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

async function forward(request: IncomingMessage, response: ServerResponse, target: string) {
  const headers = Object.entries(request.headers).filter(
    ([name]) => !['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name),
  );
  const upstream = await fetch(target, {
    method: request.method,
    headers: headers.map(([name, value]) => [name, String(value)]),
    body: await readBody(request),
  });
  response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  response.end(await upstream.text());
}

const failures: Record<Exclude<Behaviour, 'forward'>, (response: ServerResponse) => void> = {
  hang: () => {},
  'html-500': (response) => {
    response.writeHead(500, STATUS_TEXT, { 'content-type': 'text/html' });
    response.end(`<html><body><h1>${STATUS_TEXT}</h1><p>upstream ${BODY_SECRET}:5432 refused</p></body></html>`);
  },
  'invalid-json': (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(`{"data": {"_entities": [{"bpjs": "${BODY_SECRET}`);
  },
  'rate-limited': (response) => {
    // Retry-After 0: the gateway may retry at once, so its retries of a query show up here.
    response.writeHead(429, 'Slow Down', { 'content-type': 'text/plain', 'retry-after': '0' });
    response.end(`quota exhausted at ${BODY_SECRET}`);
  },
};

async function startFakeAgency(): Promise<FakeAgency> {
  let behaviour: Behaviour = 'forward';
  let target = '';
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    if (behaviour === 'forward') {
      forward(request, response, target).catch(() => response.destroy());
    } else {
      request.resume();
      failures[behaviour](response);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    if (!server.listening) return;
    server.close();
    server.closeAllConnections();
    await once(server, 'close');
  };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    hostPort: `127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    behave(next) {
      behaviour = next;
    },
    forwardTo(url) {
      target = url;
    },
    refuse: stop,
    async accept() {
      if (server.listening) return;
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    close: stop,
  };
}

const world = generateWorld('demo');
const unitWithStaff = [...new Set(world.workers.map((worker) => worker.unitCode))].find(
  (code) => world.workers.filter((worker) => worker.unitCode === code).length >= 3,
)!;

const CROSS_AGENCY = `query CrossAgency($code: ID!) {
  unit(code: $code) { name workers(first: 3) { edges { node { name bpjs { kpj } } } } bpjsCoverage { enrolled } }
}`;

interface CrossAgencyData {
  unit: {
    name: string;
    workers: { edges: { node: { name: string; bpjs: { kpj: string } | null } }[] };
    bpjsCoverage: { enrolled: number } | null;
  } | null;
}

interface Answer {
  status: number;
  text: string;
  ms: number;
  data: CrossAgencyData | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The healthy answer with everything BPJS contributes nulled, as a fault should leave it. */
function withoutBpjs(data: CrossAgencyData): CrossAgencyData {
  const unit = data.unit!;
  return {
    unit: {
      ...unit,
      workers: { edges: unit.workers.edges.map(({ node }) => ({ node: { ...node, bpjs: null } })) },
      bpjsCoverage: null,
    },
  };
}

const BPJS_PATHS = [
  ['unit', 'bpjsCoverage'],
  ['unit', 'workers', 'edges', 0, 'node', 'bpjs'],
  ['unit', 'workers', 'edges', 1, 'node', 'bpjs'],
  ['unit', 'workers', 'edges', 2, 'node', 'bpjs'],
];

/** Each fault, and how many requests reach the fake BPJS for one query (two fetches: Unit.bpjsCoverage, Worker.bpjs). */
const FAULTS: { fault: string; fakeDoes: Behaviour | 'refuse'; code: string; bpjsRequests: number }[] = [
  // Nothing listens: each fetch is tried three times, none of them arrives.
  { fault: 'refuses connections', fakeDoes: 'refuse', code: 'SUBGRAPH_UNAVAILABLE', bpjsRequests: 0 },
  // Not retried: the deadline covers a fetch and its retries together, and it is spent.
  { fault: 'never answers', fakeDoes: 'hang', code: 'SUBGRAPH_TIMEOUT', bpjsRequests: 2 },
  // Not retried: the same request would fail the same way.
  { fault: 'answers 500 + HTML', fakeDoes: 'html-500', code: 'SUBGRAPH_UNAVAILABLE', bpjsRequests: 2 },
  { fault: 'answers invalid JSON', fakeDoes: 'invalid-json', code: 'SUBGRAPH_UNAVAILABLE', bpjsRequests: 2 },
  // Retried twice per fetch, at once as Retry-After: 0 allows.
  { fault: 'answers 429', fakeDoes: 'rate-limited', code: 'SUBGRAPH_UNAVAILABLE', bpjsRequests: 6 },
];

describe.each([{ production: false }, { production: true }])(
  'partial results when an agency fails (production: $production)',
  ({ production }) => {
    let supergraph: RunningSupergraph;
    let workforceFake: FakeAgency;
    let bpjsFake: FakeAgency;
    let healthy: CrossAgencyData;

    async function crossAgency(): Promise<Answer> {
      const startedAt = performance.now();
      const { status, text } = await supergraph.post(
        JSON.stringify({ query: CROSS_AGENCY, variables: { code: unitWithStaff } }),
      );
      const ms = performance.now() - startedAt;
      const body = JSON.parse(text) as { data?: CrossAgencyData | null; errors?: Answer['errors'] };
      return { status, text, ms, data: body.data, errors: body.errors ?? [] };
    }

    function expectNothingInternal(answer: Answer) {
      for (const internal of [...INTERNAL_TEXT, workforceFake.hostPort, bpjsFake.hostPort]) {
        expect(answer.text).not.toContain(internal);
      }
    }

    beforeAll(async () => {
      [workforceFake, bpjsFake] = await Promise.all([startFakeAgency(), startFakeAgency()]);
      supergraph = await startSupergraph({
        production,
        resilience: RESILIENCE,
        subgraphUrls: { workforce: workforceFake.url, bpjs: bpjsFake.url },
      });
      workforceFake.forwardTo(supergraph.workforce.url);
      bpjsFake.forwardTo(supergraph.bpjs.url);
      const answer = await crossAgency();
      expect(answer.errors).toEqual([]);
      healthy = answer.data!;
      expect(healthy.unit!.workers.edges).toHaveLength(3);
      expect(healthy.unit!.bpjsCoverage).not.toBeNull();
    });

    afterEach(async () => {
      workforceFake.behave('forward');
      bpjsFake.behave('forward');
      await Promise.all([workforceFake.accept(), bpjsFake.accept()]);
    });

    afterAll(async () => {
      await supergraph?.stop();
      await Promise.all([workforceFake?.close(), bpjsFake?.close()]);
    });

    it.each(FAULTS)('BPJS $fault: 200, DKI data, $code at each BPJS field, and back at once', async (fault) => {
      const before = bpjsFake.requests;
      if (fault.fakeDoes === 'refuse') await bpjsFake.refuse();
      else bpjsFake.behave(fault.fakeDoes);

      const answer = await crossAgency();
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual(withoutBpjs(healthy));
      expect(answer.errors.map((error) => error.path)).toEqual(expect.arrayContaining(BPJS_PATHS));
      expect(answer.errors).toHaveLength(BPJS_PATHS.length);
      for (const error of answer.errors) {
        expect(error.extensions).toMatchObject({ code: fault.code, serviceName: 'bpjs' });
      }
      expectNothingInternal(answer);
      expect(bpjsFake.requests - before).toBe(fault.bpjsRequests);
      expect(answer.ms).toBeLessThan(BPJS_TIMEOUT_MS + 1_000);
      if (fault.code === 'SUBGRAPH_TIMEOUT') expect(answer.ms).toBeGreaterThanOrEqual(BPJS_TIMEOUT_MS - 5);

      bpjsFake.behave('forward');
      await bpjsFake.accept();
      const recovered = await crossAgency();
      expect(recovered.errors).toEqual([]);
      expect(recovered.data).toEqual(healthy);
    });

    it('stops calling a failing BPJS (fails fast), then probes after the pause and is whole again', async () => {
      bpjsFake.behave('html-500');
      // Two failed fetches per request; the fourth request opens the circuit at eight.
      for (let i = 0; i < 4; i += 1) await crossAgency();
      const callsWhenOpened = bpjsFake.requests;

      const open = await crossAgency();
      expect(open.status).toBe(200);
      expect(open.data).toEqual(withoutBpjs(healthy));
      expect(open.errors.map((error) => error.extensions)).toEqual(
        BPJS_PATHS.map(() => expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'bpjs' })),
      );
      expectNothingInternal(open);
      expect(bpjsFake.requests).toBe(callsWhenOpened);

      // Back, but the circuit stays open until the pause is over.
      bpjsFake.behave('forward');
      expect((await crossAgency()).errors).toHaveLength(BPJS_PATHS.length);
      expect(bpjsFake.requests).toBe(callsWhenOpened);

      await sleep(BREAKER_PAUSE_MS + 50);
      const recovered = await crossAgency();
      expect(recovered.errors).toEqual([]);
      expect(recovered.data).toEqual(healthy);
      expect(bpjsFake.requests).toBe(callsWhenOpened + 2);
    });

    it('with the root agency (workforce) refusing connections: 200, unit null, SUBGRAPH_UNAVAILABLE', async () => {
      const bpjsBefore = bpjsFake.requests;
      await workforceFake.refuse();

      const answer = await crossAgency();
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ unit: null });
      expect(answer.errors).toEqual([
        {
          message: expect.any(String),
          path: ['unit'],
          extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'workforce' }),
        },
      ]);
      expectNothingInternal(answer);
      // Without units there is nothing to ask BPJS about.
      expect(bpjsFake.requests).toBe(bpjsBefore);

      await workforceFake.accept();
      const recovered = await crossAgency();
      expect(recovered.errors).toEqual([]);
      expect(recovered.data).toEqual(healthy);
    });
  },
);
