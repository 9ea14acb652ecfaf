import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { PURPOSE_HEADER, readLimitsConfig } from '@jembatan/gateway';
import { connectionsCheckingIntervalFor, createLogger, type Caller } from '@jembatan/kit';
import { OPERATION_MANIFEST_PATH } from '@jembatan/schema';
import { generateWorld } from '@jembatan/seed-world';
import { watchEventLoopDelay } from '@jembatan/kit/testing';
import { callerWith, startSupergraph, TEST_AUDIENCE, TEST_ISSUER, type RunningSupergraph } from './harness';
import { startProductionGateway } from './harness/production-gateway';

/**
 * The gateway's edge in production, against what a security probe tried (issue 13): requests
 * that must be refused with a specific code and never count as our fault, and clients that must
 * not hold the gateway's resources or budget.
 */

const world = generateWorld('demo');
const ANALYST = callerWith('analyst');
const HR = callerWith('dki_hr');
const manifest = JSON.parse(readFileSync(OPERATION_MANIFEST_PATH, 'utf8')) as {
  operations: { id: string; name: string; body: string }[];
};
const published = manifest.operations.find((operation) => operation.name === 'WorkforceByCategory')!;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  codes: (string | undefined)[];
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let codes: (string | undefined)[] = [];
  try {
    codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map(
      (error) => error.extensions?.code,
    );
  } catch {
    // Not JSON: a CSV file; no codes.
  }
  return { status: response.status, headers: response.headers, text, codes };
}

async function postAs(
  supergraph: RunningSupergraph,
  url: string,
  body: unknown,
  caller: Caller,
  purpose?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return answerOf(
    await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await supergraph.tokenFor(caller)}`,
        ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    }),
  );
}

describe('the production gateway answers client mistakes as such', () => {
  let supergraph: RunningSupergraph;
  const logLines: string[] = [];
  const unexpected = () =>
    logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'unexpected gateway error');
  beforeAll(async () => {
    supergraph = await startSupergraph({
      production: true,
      logger: createLogger('e2e', (line) => logLines.push(line)),
      limits: readLimitsConfig({
        NODE_ENV: 'production',
        RATE_LIMIT_POINTS: '1000000',
        RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}`,
      }),
    });
  });
  afterAll(() => supergraph?.stop());

  const ask = (body: unknown, caller: Caller = ANALYST) =>
    postAs(supergraph, supergraph.gateway.url, body, caller, caller === ANALYST ? 'STATISTICS' : 'HR_ADMINISTRATION');

  it.each([
    [
      'two operations and no operationName',
      { query: 'query A { units { totalCount } } query B { workforceStatistics { unitCount } }' },
      'OPERATION_NAME_REQUIRED',
    ],
    [
      'an operationName the document does not hold',
      { query: 'query A { units { totalCount } }', operationName: 'B' },
      'UNKNOWN_OPERATION_NAME',
    ],
    [
      'a persisted query id sent with another query',
      {
        query: '{ workforceStatistics { unitCount } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: published.id } },
      },
      'PERSISTED_QUERY_MISMATCH',
    ],
    [
      'a 12,000-character operation name',
      { query: `query ${'N'.repeat(12_000)} { units { totalCount } }` },
      'BAD_REQUEST',
    ],
  ])('%s: 400 with its own code, not logged as our fault', async (_mistake, body, code) => {
    const before = unexpected().length;
    const answer = await ask(body);
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual([code]);
    expect(unexpected().length).toBe(before);
  });

  it('a published body under a name it does not hold, from a screen: 400 UNKNOWN_OPERATION_NAME', async () => {
    const before = unexpected().length;
    const answer = await ask({ query: published.body, operationName: 'NotTheName' }, HR);
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(['UNKNOWN_OPERATION_NAME']);
    expect(unexpected().length).toBe(before);
  });

  it('one token holding analyst and dki_hr may send only published operations', async () => {
    const both = callerWith('analyst', 'dki_hr');
    const adHoc = await postAs(
      supergraph,
      supergraph.gateway.url,
      { query: '{ workers(first: 1) { edges { node { nik } } } }' },
      both,
      'HR_ADMINISTRATION',
    );
    expect(adHoc.status).toBe(403);
    expect(adHoc.codes).toEqual(['OPERATION_NOT_TRUSTED']);
    const publishedAnswer = await postAs(
      supergraph,
      supergraph.gateway.url,
      { query: published.body },
      both,
      'STATISTICS',
    );
    expect(publishedAnswer.status).toBe(200);
    expect((await ask({ query: '{ units { totalCount } }' })).status).toBe(200);
  });

  it('a flood of 100 unknown directives: one error, DIRECTIVE_LIMIT_EXCEEDED', async () => {
    const directives = Array.from({ length: 100 }, (_, i) => `@d${i}`).join(' ');
    const answer = await ask({ query: `{ workforceStatistics { unitCount ${directives} } }` });
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(['DIRECTIVE_LIMIT_EXCEEDED']);
  });

  describe('user tokens', () => {
    const HOUR = 3600;
    const now = () => Math.floor(Date.now() / 1000);
    const tokenWith = async (claims: JWTPayload) => {
      const key = supergraph.keys.userIssuer;
      return new SignJWT({ roles: ['analyst'], agency: 'bps', ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .sign(await importJWK(key, 'ES256'));
    };
    const askWith = async (token: string) =>
      answerOf(
        await fetch(supergraph.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ units { totalCount } }' }),
        }),
      );

    it.each<[string, () => JWTPayload]>([
      ['issued a day in the future', () => ({ sub: 'probe', iat: now() + 24 * HOUR, exp: now() + 25 * HOUR })],
      ['valid for 100 years', () => ({ sub: 'probe', iat: now(), exp: now() + 100 * 365 * 24 * HOUR })],
      ['valid for 100 years, without iat', () => ({ sub: 'probe', exp: now() + 100 * 365 * 24 * HOUR })],
      ['for an empty subject', () => ({ sub: '', iat: now(), exp: now() + HOUR })],
    ])('refuses a token %s with 401', async (_what, claims) => {
      const answer = await askWith(await tokenWith(claims()));
      expect(answer.status).toBe(401);
      expect(answer.codes).toEqual(['UNAUTHENTICATED']);
    });

    it('accepts the same token with an ordinary lifetime', async () => {
      expect((await askWith(await tokenWith({ sub: 'probe', iat: now(), exp: now() + HOUR }))).status).toBe(200);
    });
  });
});

describe('a subgraph error the production gateway masks', () => {
  let fake: Server;
  let supergraph: RunningSupergraph;
  const logLines: string[] = [];
  const NIK = '3174015203850001';
  beforeAll(async () => {
    fake = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          data: null,
          errors: [{ message: `could not read the unit of ${NIK}`, extensions: { code: 'XX000' } }],
        }),
      );
    });
    fake.listen(0, '127.0.0.1');
    await once(fake, 'listening');
    supergraph = await startSupergraph({
      production: true,
      logger: createLogger('e2e', (line) => logLines.push(line)),
      subgraphUrls: { workforce: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql` },
    });
  });
  afterAll(async () => {
    await supergraph?.stop();
    fake?.close();
  });

  it("is logged with the subgraph's name, code and message, personal numbers redacted; the client sees none of it", async () => {
    const answer = await postAs(
      supergraph,
      supergraph.gateway.url,
      { query: '{ workforceStatistics { unitCount } }' },
      ANALYST,
      'STATISTICS',
    );
    expect(answer.codes).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(answer.text).not.toContain('could not read');
    const logged = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'unexpected gateway error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      subgraph: 'workforce',
      code: 'XX000',
      error: 'could not read the unit of [redacted]',
    });
    expect(logLines.join('\n')).not.toContain(NIK);
    expect(logLines.join('\n')).not.toContain('[object Object]');
  });
});

describe('a CSV export against the rate limit', () => {
  const PAGE = 7;
  const pages = Math.ceil(world.units.length / PAGE);
  const exporter: Caller = { subject: `csv-${randomUUID()}`, agency: 'bps', roles: ['analyst'] };

  async function withBudget(points: number, run: (supergraph: RunningSupergraph) => Promise<void>) {
    const supergraph = await startSupergraph({
      production: true,
      limits: readLimitsConfig({
        NODE_ENV: 'production',
        RATE_LIMIT_POINTS: String(points),
        RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}`,
      }),
    });
    try {
      await run(supergraph);
    } finally {
      await supergraph.stop();
    }
  }
  const exportCoverage = async (supergraph: RunningSupergraph) =>
    answerOf(
      await fetch(new URL(`/csv?operation=CoverageByUnit&first=${PAGE}`, supergraph.gateway.url), {
        headers: { authorization: `Bearer ${await supergraph.tokenFor(exporter)}` },
      }),
    );

  it('counts every page it follows: the whole budget buys one export of that many pages, and nothing after', async () => {
    expect(pages).toBeGreaterThan(2);
    await withBudget(pages, async (supergraph) => {
      const csv = await exportCoverage(supergraph);
      expect(csv.status).toBe(200);
      expect(csv.text.split('\r\n').filter((line) => line !== '')).toHaveLength(world.units.length + 1);
      const next = await postAs(supergraph, supergraph.gateway.url, { query: '{ units { totalCount } }' }, exporter);
      expect(next.status).toBe(429);
    });
  });

  it('stops with 429 RATE_LIMITED and Retry-After when the budget runs out mid-export, and makes no file', async () => {
    await withBudget(pages - 1, async (supergraph) => {
      const refused = await exportCoverage(supergraph);
      expect(refused.status).toBe(429);
      expect(refused.codes[0]).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('content-type')).toMatch(/application\/json/);
      expect(refused.headers.get('content-disposition')).toBeNull();
    });
  });
});

describe('clients that hold the gateway or probe it', () => {
  const HEADERS_TIMEOUT_MS = 400;
  const CHECK_MS = connectionsCheckingIntervalFor(HEADERS_TIMEOUT_MS);
  const DRIP_MS = 20;
  const REFUSALS = 3;
  let supergraph: RunningSupergraph;
  let gateway: { origin: string; close(): Promise<void> };
  beforeAll(async () => {
    supergraph = await startSupergraph({ production: true });
    gateway = await startProductionGateway(supergraph, {
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(2 * HEADERS_TIMEOUT_MS),
      RATE_LIMIT_REFUSALS_PER_ADDRESS: String(REFUSALS),
      TRUSTED_PROXIES: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await supergraph?.stop();
  });

  const graphqlUrl = () => `${gateway.origin}/graphql`;

  it('closes a connection sending its headers a byte at a time within the header timeout, serving others meanwhile', async () => {
    const socket = connect(Number(new URL(gateway.origin).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.on('error', () => {});
    const startedAt = performance.now();
    let livedMs: number | undefined;
    socket.once('close', () => (livedMs = performance.now() - startedAt));
    socket.write('POST /graphql HTTP/1.1\r\nHost: gateway\r\nX-Slow: ');
    const served: number[] = [];
    // How late this process's loop runs: the gateway's sweep and the 'close' event share it.
    const loopDelay = watchEventLoopDelay();
    for (let drip = 0; livedMs === undefined && drip < (4 * HEADERS_TIMEOUT_MS) / DRIP_MS; drip += 1) {
      if (!socket.destroyed) socket.write('a');
      served.push((await postAs(supergraph, graphqlUrl(), { query: '{ units { totalCount } }' }, ANALYST)).status);
      await sleep(DRIP_MS);
    }
    socket.destroy();
    expect(livedMs).toBeDefined();
    expect(livedMs!).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS);
    // Closed at Node's first sweep past the timeout; one more sweep, a drip and the loop's lag of slack.
    loopDelay.stop();
    expect(livedMs!).toBeLessThan(HEADERS_TIMEOUT_MS + 2 * CHECK_MS + DRIP_MS + 2 * loopDelay.maxMs());
    expect(served.length).toBeGreaterThan(0);
    expect(new Set(served)).toEqual(new Set([200]));
  });

  it('limits refused requests per client address (X-Forwarded-For behind a trusted proxy), never valid callers', async () => {
    const probe = (address: string) =>
      fetch(graphqlUrl(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': address,
          authorization: 'Bearer not.a.token',
        },
        body: JSON.stringify({ query: '{ units { totalCount } }' }),
      }).then(answerOf);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < REFUSALS; attempt += 1) statuses.push((await probe('198.51.100.7')).status);
    expect(statuses).toEqual(Array.from({ length: REFUSALS }, () => 401));
    const limited = await probe('198.51.100.7');
    expect(limited.status).toBe(429);
    expect(limited.codes).toEqual(['RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client address has its own budget; a valid caller at the limited one is served.
    expect((await probe('198.51.100.8')).status).toBe(401);
    const valid = await postAs(supergraph, graphqlUrl(), { query: '{ units { totalCount } }' }, ANALYST, 'STATISTICS', {
      'x-forwarded-for': '198.51.100.7',
    });
    expect(valid.status).toBe(200);
    // A purpose the role may not declare counts too.
    const purposeProbe = await postAs(
      supergraph,
      graphqlUrl(),
      { query: '{ units { totalCount } }' },
      ANALYST,
      'AUDIT',
      {
        'x-forwarded-for': '198.51.100.7',
      },
    );
    expect(purposeProbe.status).toBe(429);
  });
});
