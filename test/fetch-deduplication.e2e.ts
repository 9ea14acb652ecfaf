import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_SUBJECT_HEADER, PURPOSE_HEADER, readLimitsConfig, startGateway } from '@jembatan/gateway';
import type { AgencyService, Caller, HttpService, Purpose, Role } from '@jembatan/kit';
import { testRedisPrefix } from '@jembatan/kit/testing';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import { generateWorld } from '@jembatan/seed-world';
import {
  savedOperation,
  startSupergraph,
  testUserTokenSettings,
  withoutCursorValues,
  type RunningSupergraph,
} from './harness';
import { startHoldingProxy, type HoldingProxy } from './harness/holding-proxy';

/**
 * Identical subgraph fetches in flight at once are sent once, through the real gateway and
 * subgraphs: to anyone with the same roles, purpose and data subject when the agency declared the
 * answer public; to the same caller only, each request audited by the agency, when it is personal. Each agency's answers are held a moment on their way back
 * (a proxy in front of each subgraph, which also counts the fetches), so requests sent together
 * are in flight together, as under load. The response cache is off here: every request would
 * reach the subgraphs without deduplication.
 */

const HOLD_MS = 800;
const world = generateWorld('demo');
const enrolledWorker = world.workers.find((worker) => world.participants.some((p) => p.nik === worker.nik))!;
const busyUnit = world.units.find(
  (unit) => world.workers.filter((worker) => worker.unitCode === unit.code).length >= 3,
)!;

let supergraph: RunningSupergraph;
let proxies: { workforce: HoldingProxy; bpjs: HoldingProxy };
let withoutDeduplication: HttpService;

beforeAll(async () => {
  proxies = { workforce: await startHoldingProxy(HOLD_MS), bpjs: await startHoldingProxy(HOLD_MS) };
  supergraph = await startSupergraph({
    subgraphUrls: { workforce: proxies.workforce.url, bpjs: proxies.bpjs.url },
  });
  proxies.workforce.forwardTo(supergraph.workforce.url);
  proxies.bpjs.forwardTo(supergraph.bpjs.url);
  withoutDeduplication = await startGateway({
    auth: testUserTokenSettings(supergraph.keys),
    signingKey: supergraph.keys.gatewaySigning,
    limits: readLimitsConfig({
      RATE_LIMIT_POINTS: '1000000',
      RATE_LIMIT_REFUSALS_PER_ADDRESS: '1000000',
      RATE_LIMIT_KEY_PREFIX: testRedisPrefix('dedup-off'),
    }),
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { workforce: proxies.workforce.url, bpjs: proxies.bpjs.url },
    host: '127.0.0.1',
    port: 0,
    production: false,
    logger: { info() {}, warn() {}, error() {} },
    fetchDeduplication: false,
  });
});
afterAll(async () => {
  await withoutDeduplication?.close();
  await supergraph?.stop();
  await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.close()));
});

const caller = (...roles: Role[]): Caller => ({ subject: `dedup-${randomUUID()}`, agency: 'jembatan-test', roles });

interface Ask {
  operation: string;
  variables?: Record<string, unknown>;
  as: Caller;
  purpose: Purpose;
  dataSubject?: string;
}

interface Answer {
  requestId: string;
  status: number;
  cacheControl: string | null;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

async function send(gateway: HttpService, ask: Ask): Promise<Answer> {
  const requestId = randomUUID();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await supergraph.tokenFor(ask.as)}`,
      [PURPOSE_HEADER]: ask.purpose,
      ...(ask.dataSubject ? { [DATA_SUBJECT_HEADER]: ask.dataSubject } : {}),
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query: savedOperation(ask.operation), variables: ask.variables }),
  });
  return {
    requestId,
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as Answer['body'],
  };
}

/** Sends every ask at once; returns the answers and how many fetches each agency got meanwhile. */
async function together(asks: Ask[], gateway: HttpService = supergraph.gateway) {
  const before = { workforce: proxies.workforce.fetches, bpjs: proxies.bpjs.fetches };
  const copiesBefore = { workforce: proxies.workforce.auditCopies, bpjs: proxies.bpjs.auditCopies };
  const answers = await Promise.all(asks.map((ask) => send(gateway, ask)));
  const fetches = {
    workforce: proxies.workforce.fetches - before.workforce,
    bpjs: proxies.bpjs.fetches - before.bpjs,
  };
  const auditCopies = {
    workforce: proxies.workforce.auditCopies - copiesBefore.workforce,
    bpjs: proxies.bpjs.auditCopies - copiesBefore.bpjs,
  };
  return { answers, fetches, auditCopies };
}

const times = (count: number, ask: () => Ask): Ask[] => Array.from({ length: count }, ask);

/** The audit records an agency holds for one request: whose read each was, and of whom. */
const auditRecords = (service: AgencyService, requestId: string) =>
  service.database.dataSource.query<{ caller_subject: string; subjects: string[] }[]>(
    'SELECT caller_subject, subjects FROM audit_log WHERE request_id = $1',
    [requestId],
  );

/** One audit record of the request's own at each agency, naming its caller (and `subject` among those read). */
async function expectOneOwnRecordAtEachAgency(answer: Answer, asker: Caller, subject?: string) {
  for (const agency of [supergraph.workforce, supergraph.bpjs]) {
    const records = await auditRecords(agency, answer.requestId);
    expect(records).toHaveLength(1);
    expect(records[0]!.caller_subject).toBe(asker.subject);
    if (subject) expect(records[0]!.subjects).toContain(subject);
  }
}

const claimsByProgram = (as: Caller, purpose: Purpose = 'STATISTICS', dataSubject?: string): Ask => ({
  operation: 'ClaimsByProgram',
  variables: { year: 2016, regionCode: '31' },
  as,
  purpose,
  dataSubject,
});

describe('identical subgraph fetches in flight', () => {
  it('are sent once for an aggregate, and everyone gets the whole answer', async () => {
    const analyst = caller('analyst');
    const { answers, fetches } = await together(times(6, () => claimsByProgram(analyst)));
    expect(fetches).toEqual({ workforce: 0, bpjs: 1 });
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0]!.body);
      // Public at the agency, but the answer depends on the caller's token: no HTTP cache may keep it.
      expect(answer.cacheControl).toBe('no-store');
    }
    expect(answers[0]!.body.errors).toBeUndefined();

    const statistics = await together(
      times(6, () => ({ operation: 'WorkforceByCategory', as: caller('analyst'), purpose: 'STATISTICS' as const })),
    );
    expect(statistics.fetches).toEqual({ workforce: 1, bpjs: 0 });
  });

  it('are each sent with deduplication off (SUBGRAPH_FETCH_DEDUP=off)', async () => {
    const { answers, fetches } = await together(
      times(6, () => claimsByProgram(caller('analyst'))),
      withoutDeduplication,
    );
    expect(fetches).toEqual({ workforce: 0, bpjs: 6 });
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
  });

  it('never give one role’s view to another: dki_hr and bpjs_officer each get their own', async () => {
    const hr = caller('dki_hr');
    const officer = caller('bpjs_officer');
    const staffPage = (as: Caller, purpose: Purpose): Ask => ({
      operation: 'UnitStaffWithBpjs',
      variables: { code: busyUnit.code, first: 3 },
      as,
      purpose,
    });
    const hrPage = staffPage(hr, 'ENROLMENT');
    const officerPage = staffPage(officer, 'ENROLMENT');
    // What each sees on its own, one request at a time: BPJS withholds claims from Pemprov's HR.
    const hrView = withoutCursorValues((await send(supergraph.gateway, hrPage)).body);
    const officerView = withoutCursorValues((await send(supergraph.gateway, officerPage)).body);
    expect(hrView).not.toEqual(officerView);

    const { answers } = await together([...times(3, () => hrPage), ...times(3, () => officerPage)]);
    answers.forEach((answer, index) => {
      expect(withoutCursorValues(answer.body), `request ${index}`).toEqual(index < 3 ? hrView : officerView);
    });

    // Even an aggregate both may read alike is fetched once per set of roles.
    const claims = await together([
      ...times(3, () => claimsByProgram(hr)),
      ...times(3, () => claimsByProgram(officer)),
    ]);
    expect(claims.fetches.bpjs).toBe(2);
  });

  const enrolmentOf = (as: Caller): Ask => ({
    operation: 'WorkerEnrolment',
    variables: { nik: enrolledWorker.nik },
    as,
    purpose: 'HR_ADMINISTRATION',
  });

  it('that read a person are sent once for one caller, and every request gets its own audit record at both agencies before its answer', async () => {
    const hr = caller('dki_hr');
    const alone = withoutCursorValues((await send(supergraph.gateway, enrolmentOf(hr))).body);
    for (let round = 0; round < 2; round += 1) {
      const { answers, fetches, auditCopies } = await together(times(4, () => enrolmentOf(hr)));
      expect(fetches).toEqual({ workforce: 1, bpjs: 1 });
      // One call per agency records the three others' copies together.
      expect(auditCopies).toEqual({ workforce: 1, bpjs: 1 });
      for (const answer of answers) {
        expect(answer.body.errors).toBeUndefined();
        expect(withoutCursorValues(answer.body)).toEqual(alone);
        expect(answer.cacheControl).toBe('no-store');
        await expectOneOwnRecordAtEachAgency(answer, hr, `nik:${enrolledWorker.nik}`);
      }
    }
  });

  it('that read a person are never shared between callers with the same roles and purpose', async () => {
    const callers = [caller('dki_hr'), caller('dki_hr'), caller('dki_hr')];
    const asks = callers.flatMap((each) => times(2, () => enrolmentOf(each)));
    const { answers, fetches, auditCopies } = await together(asks);
    // One fetch per caller to each agency; each caller's second request takes that caller's answer.
    expect(fetches).toEqual({ workforce: 3, bpjs: 3 });
    expect(auditCopies).toEqual({ workforce: 3, bpjs: 3 });
    for (const [index, answer] of answers.entries()) {
      for (const agency of [supergraph.workforce, supergraph.bpjs]) {
        const records = await auditRecords(agency, answer.requestId);
        expect(records.map((record) => record.caller_subject)).toEqual([asks[index]!.as.subject]);
      }
    }
  });

  it('that read a person are each sent and audited with deduplication off', async () => {
    const hr = caller('dki_hr');
    const { answers, fetches, auditCopies } = await together(
      times(4, () => enrolmentOf(hr)),
      withoutDeduplication,
    );
    expect(fetches).toEqual({ workforce: 4, bpjs: 4 });
    expect(auditCopies).toEqual({ workforce: 0, bpjs: 0 });
    for (const answer of answers) expect(await auditRecords(supergraph.bpjs, answer.requestId)).toHaveLength(1);
  });

  it('are never shared between purposes or data subjects', async () => {
    const hr = caller('dki_hr');
    const purposes = await together([
      ...times(3, () => claimsByProgram(hr, 'STATISTICS')),
      ...times(3, () => claimsByProgram(hr, 'HR_ADMINISTRATION')),
    ]);
    expect(purposes.fetches.bpjs).toBe(2);

    const [someone, someoneElse] = world.workers.slice(0, 2).map((worker) => worker.nik);
    const subjects = await together([
      ...times(3, () => claimsByProgram(hr, 'DATA_SUBJECT_REQUEST', someone)),
      ...times(3, () => claimsByProgram(hr, 'DATA_SUBJECT_REQUEST', someoneElse)),
    ]);
    for (const answer of subjects.answers) expect(answer.status).toBe(200);
    expect(subjects.fetches.bpjs).toBe(2);
  });
});

/** How many requests a gateway answered with an identical request's answer, from its /metrics. */
async function mergedRequests(gateway: HttpService): Promise<number> {
  const metrics = await (await fetch(new URL('/metrics', gateway.url))).text();
  const line = metrics.split('\n').find((each) => each.startsWith('jembatan_requests_merged_total'));
  return Number(line?.split(' ')[1] ?? 0);
}

describe('identical requests in flight', () => {
  const staffPage = (as: Caller): Ask => ({
    operation: 'UnitStaffWithBpjs',
    variables: { code: busyUnit.code, first: 3 },
    as,
    purpose: 'HR_ADMINISTRATION',
  });

  it('of one caller run once; each other request gets the same answer after its own audit record at both agencies', async () => {
    const hr = caller('dki_hr');
    const alone = withoutCursorValues((await send(supergraph.gateway, staffPage(hr))).body);
    const mergedBefore = await mergedRequests(supergraph.gateway);
    const { answers, fetches, auditCopies } = await together(times(5, () => staffPage(hr)));
    expect(await mergedRequests(supergraph.gateway)).toBe(mergedBefore + 4);
    expect(fetches).toEqual({ workforce: 1, bpjs: 1 });
    // One call per agency records the four others' copies together.
    expect(auditCopies).toEqual({ workforce: 1, bpjs: 1 });
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(withoutCursorValues(answer.body)).toEqual(alone);
      expect(answer.cacheControl).toBe('no-store');
      await expectOneOwnRecordAtEachAgency(answer, hr);
    }
  });

  it('of different callers, or for different purposes, never take each other’s answer', async () => {
    const callers = [caller('dki_hr'), caller('dki_hr')];
    const mergedBefore = await mergedRequests(supergraph.gateway);
    const asks = [
      ...callers.flatMap((each) => times(3, () => staffPage(each))),
      ...times(2, () => ({ ...staffPage(callers[0]!), purpose: 'ENROLMENT' as const })),
    ];
    const { answers } = await together(asks);
    // Two per caller for HR_ADMINISTRATION, one for ENROLMENT: never across the groups.
    expect(await mergedRequests(supergraph.gateway)).toBe(mergedBefore + 5);
    for (const [index, answer] of answers.entries()) {
      expect(answer.status).toBe(200);
      for (const agency of [supergraph.workforce, supergraph.bpjs]) {
        const records = await auditRecords(agency, answer.requestId);
        expect(records.map((record) => record.caller_subject)).toEqual([asks[index]!.as.subject]);
      }
    }
  });

  it('that read nothing personal are shared by one caller without audit copies, though not public', async () => {
    // A page of the unit directory: no personal field, but its connection types carry no cache hint.
    const hr = caller('dki_hr');
    const directory: Ask = {
      operation: 'UnitDirectory',
      variables: { first: 5 },
      as: hr,
      purpose: 'HR_ADMINISTRATION',
    };
    const mergedBefore = await mergedRequests(supergraph.gateway);
    const { answers, fetches, auditCopies } = await together(times(5, () => directory));
    expect(fetches).toEqual({ workforce: 1, bpjs: 0 });
    expect(auditCopies).toEqual({ workforce: 0, bpjs: 0 });
    expect(await mergedRequests(supergraph.gateway)).toBe(mergedBefore + 4);
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(withoutCursorValues(answer.body)).toEqual(withoutCursorValues(answers[0]!.body));
      expect(await auditRecords(supergraph.workforce, answer.requestId)).toEqual([]);
    }
  });

  it('each run with deduplication off (SUBGRAPH_FETCH_DEDUP=off)', async () => {
    const hr = caller('dki_hr');
    const { fetches } = await together(
      times(3, () => staffPage(hr)),
      withoutDeduplication,
    );
    expect(fetches).toEqual({ workforce: 3, bpjs: 3 });
    expect(await mergedRequests(withoutDeduplication)).toBe(0);
  });
});
