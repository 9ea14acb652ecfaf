import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLimitsConfig } from '@jembatan/gateway';
import { OPERATION_MANIFEST_PATH } from '@jembatan/schema';
import { generateWorld } from '@jembatan/seed-world';
import { callerWith, startSupergraph, type RunningSupergraph, withoutCursorValues } from './harness';

const world = generateWorld('demo');
const analyst = callerWith('analyst');
const REDIS_URL = process.env.JEMBATAN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const codeOf = (text: string) =>
  (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

describe('limits against abusive queries (production gateway)', () => {
  let supergraph: RunningSupergraph;
  beforeAll(async () => {
    supergraph = await startSupergraph({
      production: true,
      limits: readLimitsConfig({
        NODE_ENV: 'production',
        RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}`,
        CORS_ORIGINS: 'https://hr.jakarta.go.id',
      }),
    });
  });
  afterAll(() => supergraph?.stop());

  const send = (query: string) => supergraph.post(JSON.stringify({ query }), { as: analyst, purpose: 'STATISTICS' });

  const nested = (depth: number): string => (depth === 0 ? 'code' : `parent { ${nested(depth - 1)} }`);

  it.each([
    ['depth', `{ unit(code: "DINKES") { ${nested(14)} } }`, 'DEPTH_LIMIT_EXCEEDED'],
    [
      'aliases',
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: workforceStatistics { unitCount }`).join(' ')} }`,
      'ALIAS_LIMIT_EXCEEDED',
    ],
    [
      'root fields',
      `{ ${Array.from({ length: 16 }, (_, i) => `u${i}: unit(code: "DINKES") { code }`).join(' ')} }`,
      'ROOT_FIELD_LIMIT_EXCEEDED',
    ],
    ['tokens', `{ workforceStatistics { ${'unitCount '.repeat(2500)} } }`, 'TOKEN_LIMIT_EXCEEDED'],
    [
      'estimated cost',
      '{ units(first: 100) { edges { node { workers(first: 100) { edges { node { nik bpjs { claims { id } } } } } } } } }',
      'COST_LIMIT_EXCEEDED',
    ],
  ])('refuses too much %s with 400 and its own code', async (_limit, query, code) => {
    const { status, text } = await send(query);
    expect(status).toBe(400);
    expect(codeOf(text)).toBe(code);
  });

  it('refuses batched operations and disables introspection and field suggestions', async () => {
    const batch = await supergraph.post(
      JSON.stringify([{ query: '{ units { totalCount } }' }, { query: '{ __typename }' }]),
      {
        as: analyst,
        purpose: 'STATISTICS',
      },
    );
    expect(batch.status).toBe(400);
    expect(codeOf(batch.text)).toBe('BAD_REQUEST');
    expect(batch.text).toMatch(/batching disabled/);
    const introspection = await send('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.text).not.toContain('"Worker"');
    expect(JSON.parse(introspection.text).errors[0].message).toBe(
      'Introspection is off in production. The schema is published with Jembatan (schema/supergraph.graphql, and schema/reference.md in words); an operator can open it to signed-in callers with PLAYGROUND=on.',
    );
    const typo = await send('{ workforceStatistic { unitCount } }');
    expect(typo.status).toBe(400);
    expect(typo.text).not.toMatch(/Did you mean/);
  });

  it('keeps CSRF prevention on: a simple cross-site GET is refused', async () => {
    const url = `${supergraph.gateway.url}?query=${encodeURIComponent('{ workforceStatistics { unitCount } }')}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${await supergraph.tokenFor(analyst)}` } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('answers browsers only from the allowed origins', async () => {
    const preflight = (origin: string) =>
      fetch(supergraph.gateway.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, x-purpose',
        },
      });
    const allowed = await preflight('https://hr.jakarta.go.id');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://hr.jakarta.go.id');
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps serving after all of that', async () => {
    const { status, text } = await send('{ workforceStatistics { unitCount } }');
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { workforceStatistics: { unitCount: world.units.length } } });
  });
});

describe('trusted operations (enforced in production)', () => {
  const manifest = JSON.parse(readFileSync(OPERATION_MANIFEST_PATH, 'utf8')) as {
    operations: { id: string; name: string; body: string }[];
  };
  const directory = manifest.operations.find((operation) => operation.name === 'UnitDirectory')!;
  let supergraph: RunningSupergraph;
  beforeAll(async () => {
    supergraph = await startSupergraph({
      production: true,
      limits: readLimitsConfig({
        NODE_ENV: 'production',
        TRUSTED_OPERATIONS: 'enforce',
        RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}`,
      }),
    });
  });
  afterAll(() => supergraph?.stop());
  const hr = { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' as const };

  it('lets a screen send a published operation by its body or by its id alone', async () => {
    const byBody = await supergraph.post(JSON.stringify({ query: directory.body }), hr);
    expect(byBody.status).toBe(200);
    const byId = await supergraph.post(
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: directory.id } } }),
      hr,
    );
    expect(byId.status).toBe(200);
    expect(withoutCursorValues(JSON.parse(byId.text))).toEqual(withoutCursorValues(JSON.parse(byBody.text)));
  });

  it('refuses anything else from a screen with 403, and lets analysts explore', async () => {
    const adHoc = await supergraph.post(
      JSON.stringify({ query: '{ workers(first: 100) { edges { node { nik } } } }' }),
      hr,
    );
    expect(adHoc.status).toBe(403);
    expect(codeOf(adHoc.text)).toBe('OPERATION_NOT_TRUSTED');
    const explore = await supergraph.post(JSON.stringify({ query: '{ workforceStatistics { unitCount } }' }), {
      as: callerWith('analyst'),
      purpose: 'STATISTICS',
    });
    expect(explore.status).toBe(200);
  });
});

describe('rate limits per caller', () => {
  const limitsWith = (prefix: string, redis: boolean) =>
    readLimitsConfig({
      RATE_LIMIT_POINTS: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      RATE_LIMIT_KEY_PREFIX: prefix,
      ...(redis ? { REDIS_URL } : {}),
    });
  const ask = (supergraph: RunningSupergraph, subject: string) =>
    supergraph.post(JSON.stringify({ query: '{ workforceStatistics { unitCount } }' }), {
      as: { subject, agency: 'bps', roles: ['analyst'] },
      purpose: 'STATISTICS',
    });

  it('answers 429 with Retry-After past the limit, per caller, in memory', async () => {
    const supergraph = await startSupergraph({ limits: limitsWith(`test-${randomUUID()}`, false) });
    try {
      for (let i = 0; i < 5; i++) expect((await ask(supergraph, 'busy')).status).toBe(200);
      const refused = await fetch(supergraph.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await supergraph.tokenFor({ subject: 'busy', agency: 'bps', roles: ['analyst'] })}`,
        },
        body: JSON.stringify({ query: '{ workforceStatistics { unitCount } }' }),
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(codeOf(await refused.text())).toBe('RATE_LIMITED');
      expect((await ask(supergraph, 'someone-else')).status).toBe(200);
    } finally {
      await supergraph.stop();
    }
  });

  it('shares the counts between gateway replicas through Redis', async () => {
    const prefix = `test-${randomUUID()}`;
    const [first, second] = await Promise.all([
      startSupergraph({ limits: limitsWith(prefix, true) }),
      startSupergraph({ limits: limitsWith(prefix, true) }),
    ]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(i % 2 ? second : first, 'shared')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
