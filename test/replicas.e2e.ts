import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PURPOSE_HEADER,
  readLimitsConfig,
  readResponseCacheConfig,
  RESPONSE_CACHE_HEADER,
  startGateway,
} from '@jembatan/gateway';
import type { AgencyService, Caller, HttpService, Purpose, Role } from '@jembatan/kit';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import { generateWorld } from '@jembatan/seed-world';
import {
  savedOperation,
  startSupergraph,
  type RunningSupergraph,
  testUserTokenSettings,
  withoutCursorValues,
} from './harness';
import { TEST_REDIS_URL, testRedisPrefix } from '@jembatan/kit/testing';

const world = generateWorld('demo');
const REDIS_URL = TEST_REDIS_URL;
/** Requests each caller may make per window, counted across both replicas. */
const RATE_LIMIT_POINTS = 30;

let supergraph: RunningSupergraph;
let replicas: [HttpService, HttpService];

/**
 * Two gateway replicas in front of the same two subgraphs, as a deployment scales out: the same
 * supergraph, keys and settings, and one Redis for rate-limit counts and cached aggregates.
 */
beforeAll(async () => {
  supergraph = await startSupergraph();
  const prefix = testRedisPrefix('replicas');
  const env = {
    REDIS_URL,
    RATE_LIMIT_POINTS: String(RATE_LIMIT_POINTS),
    RATE_LIMIT_KEY_PREFIX: `${prefix}:rate`,
    RESPONSE_CACHE_TTL_SECONDS: '60',
    RESPONSE_CACHE_KEY_PREFIX: `${prefix}:response-cache`,
  };
  const replica = () =>
    startGateway({
      auth: testUserTokenSettings(supergraph.keys),
      signingKey: supergraph.keys.gatewaySigning,
      limits: readLimitsConfig(env),
      responseCache: readResponseCacheConfig(env),
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: { workforce: supergraph.workforce.url, bpjs: supergraph.bpjs.url },
      host: '127.0.0.1',
      port: 0,
      production: false,
      logger: { info() {}, warn() {}, error() {} },
    });
  replicas = [await replica(), await replica()];
});
afterAll(async () => {
  await Promise.all((replicas ?? []).map((replica) => replica.close()));
  await supergraph?.stop();
});

/** A caller of this file alone, so each test's requests count against its own rate limit. */
const caller = (name: string, ...roles: Role[]): Caller => ({
  subject: `replicas-${name}`,
  agency: 'jembatan-test',
  roles,
});

interface Sent {
  status: number;
  cache: string | null;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

async function send(
  replica: HttpService,
  operation: { query: string; variables?: Record<string, unknown> },
  as: Caller,
  purpose: Purpose,
  requestId = randomUUID(),
): Promise<Sent> {
  const response = await fetch(replica.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await supergraph.tokenFor(as)}`,
      [PURPOSE_HEADER]: purpose,
      'x-request-id': requestId,
    },
    body: JSON.stringify(operation),
  });
  return {
    status: response.status,
    cache: response.headers.get(RESPONSE_CACHE_HEADER),
    body: (await response.json()) as Sent['body'],
  };
}

const statementCounts = () => ({
  workforce: supergraph.workforce.database.statements.count,
  bpjs: supergraph.bpjs.database.statements.count,
});

const auditRecords = async (service: AgencyService, requestId: string) =>
  Number(
    (
      await service.database.dataSource.query<{ count: string }[]>(
        'SELECT count(*) AS count FROM audit_log WHERE request_id = $1',
        [requestId],
      )
    )[0]!.count,
  );

const someUnit = world.units[0]!.code;
const enrolledWorker = world.workers.find((worker) => world.participants.some((p) => p.nik === worker.nik))!;

describe('two gateway replicas sharing one Redis', () => {
  it('give the same answers to the saved operations, whichever replica is asked', async () => {
    const staff = caller('answers', 'dki_hr', 'bpjs_officer');
    const operations: [string, Record<string, unknown>][] = [
      ['ClaimsByProgram', {}],
      ['UnitCoverage', { code: someUnit }],
      ['UnitDirectory', { first: 10 }],
      ['UnitStaffWithBpjs', { code: someUnit, first: 5 }],
      ['WorkerEnrolment', { nik: enrolledWorker.nik }],
      ['WorkforceByCategory', {}],
    ];
    for (const [name, variables] of operations) {
      const operation = { query: savedOperation(name), variables };
      const [fromA, fromB] = [
        await send(replicas[0], operation, staff, 'ENROLMENT'),
        await send(replicas[1], operation, staff, 'ENROLMENT'),
      ];
      expect(fromA.status, name).toBe(200);
      // Wages and claim amounts are not for enrolment: the same FORBIDDEN at the same paths from both.
      const codes = new Set(fromA.body.errors?.map((error) => error.extensions?.code));
      expect(
        [...codes].filter((code) => code !== 'FORBIDDEN'),
        name,
      ).toEqual([]);
      expect(withoutCursorValues(fromB.body), name).toEqual(withoutCursorValues(fromA.body));
    }
  });

  it('count each caller’s requests together against one rate limit', async () => {
    const busy = caller('rate', 'analyst');
    const ping = { query: '{ __typename }' };
    for (let i = 0; i < RATE_LIMIT_POINTS; i += 1) {
      expect((await send(replicas[i % 2]!, ping, busy, 'STATISTICS')).status).toBe(200);
    }
    expect((await send(replicas[0], ping, busy, 'STATISTICS')).status).toBe(429);
    expect((await send(replicas[1], ping, busy, 'STATISTICS')).status).toBe(429);
    expect((await send(replicas[1], ping, caller('rate-other', 'analyst'), 'STATISTICS')).status).toBe(200);
  });

  it('share cached aggregates: a miss on one replica is a hit on the other, with no SQL run for it', async () => {
    const analyst = caller('cache', 'analyst');
    const claims = { query: savedOperation('ClaimsByProgram'), variables: { year: 2016, regionCode: '31' } };

    const before = statementCounts();
    const miss = await send(replicas[0], claims, analyst, 'STATISTICS');
    expect(miss.cache).toBe('miss');
    expect(miss.body.errors).toBeUndefined();
    expect(statementCounts().bpjs).toBeGreaterThan(before.bpjs);

    // The miss is written to Redis in the background, as the answer leaves.
    let hit: Sent | undefined;
    await vi.waitFor(async () => {
      hit = await send(replicas[1], claims, analyst, 'STATISTICS');
      expect(hit.cache).toBe('hit');
    });
    expect(hit!.body).toEqual(miss.body);
    const afterHit = statementCounts();
    expect(await send(replicas[0], claims, analyst, 'STATISTICS')).toMatchObject({ cache: 'hit', body: miss.body });
    expect(await send(replicas[1], claims, analyst, 'STATISTICS')).toMatchObject({ cache: 'hit', body: miss.body });
    expect(statementCounts()).toEqual(afterHit);

    // Other roles, or another purpose, get their own answer.
    expect((await send(replicas[1], claims, caller('cache', 'dki_hr'), 'STATISTICS')).cache).toBe('miss');
    expect((await send(replicas[1], claims, caller('cache', 'dki_hr'), 'HR_ADMINISTRATION')).cache).toBe('miss');
  });

  it('show in their metrics that Redis serves them, and count the cache hits', async () => {
    const metrics = await (await fetch(new URL('/metrics', replicas[1].url))).text();
    expect(metrics).toMatch(/jembatan_redis_up\{[^}]*use="rate_limits"[^}]*\} 1/);
    expect(metrics).toMatch(/jembatan_redis_up\{[^}]*use="response_cache"[^}]*\} 1/);
    expect(metrics).toMatch(/jembatan_response_cache_events_total\{[^}]*event="hit"[^}]*\} [1-9]/);
  });

  it('never cache an operation that reads a person: each request runs, and each is audited', async () => {
    const hr = caller('personal', 'dki_hr');
    const enrolment = { query: savedOperation('WorkerEnrolment'), variables: { nik: enrolledWorker.nik } };
    for (const replica of [replicas[0], replicas[1], replicas[0]]) {
      const requestId = randomUUID();
      const before = statementCounts();
      const answer = await send(replica, enrolment, hr, 'HR_ADMINISTRATION', requestId);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.cache).toBeNull();
      const after = statementCounts();
      expect(after.workforce).toBeGreaterThan(before.workforce);
      expect(after.bpjs).toBeGreaterThan(before.bpjs);
      expect(await auditRecords(supergraph.workforce, requestId)).toBe(1);
      expect(await auditRecords(supergraph.bpjs, requestId)).toBe(1);
    }
  });

  it('cache only what no agency audits: an aggregate answer, computed or cached, has no audit record', async () => {
    const hr = caller('coverage', 'dki_hr');
    const coverage = { query: savedOperation('UnitCoverage'), variables: { code: someUnit } };
    const computed = randomUUID();
    expect((await send(replicas[0], coverage, hr, 'HR_ADMINISTRATION', computed)).cache).toBe('miss');
    const cached = randomUUID();
    await vi.waitFor(async () =>
      expect((await send(replicas[1], coverage, hr, 'HR_ADMINISTRATION', cached)).cache).toBe('hit'),
    );
    for (const requestId of [computed, cached]) {
      expect(await auditRecords(supergraph.workforce, requestId)).toBe(0);
      expect(await auditRecords(supergraph.bpjs, requestId)).toBe(0);
    }
  });
});
