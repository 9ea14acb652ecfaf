import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGatewayTokenSigner,
  GATEWAY_TOKEN_HEADER,
  type AgencyService,
  type Caller,
  type Purpose,
} from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { callerWith, publishedBody, startSupergraph, type RunningSupergraph } from './harness';

/** The subgraph side of the production probe's findings (issue 13), through the gateway in production mode. */
const world = generateWorld('demo');
const UNIT = 'KEC-317401';
const staff = world.workers.filter((w) => w.unitCode === UNIT).sort((a, b) => (a.nik < b.nik ? -1 : 1));
const subject = staff.find((w) => world.participants.some((p) => p.nik === w.nik))!;
const subjectParticipant = world.participants.find((p) => p.nik === subject.nik)!;
const other = staff.find((w) => w.nik !== subject.nik)!;
const otherParticipant = world.participants.find((p) => p.nik !== subject.nik)!;
const UNKNOWN_NIK = '3174010101990999';

let supergraph: RunningSupergraph;
beforeAll(async () => {
  supergraph = await startSupergraph({ production: true });
});
afterAll(() => supergraph?.stop());

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
};

async function send(
  query: string,
  { as, purpose, dataSubject }: { as: Caller; purpose: Purpose; dataSubject?: string },
  variables?: Record<string, unknown>,
) {
  const requestId = randomUUID();
  const { status, body } = await supergraph.query<Answer['data']>(query, variables, {
    as,
    purpose,
    dataSubject,
    headers: { 'x-request-id': requestId },
  });
  return { status, body: body as Answer, requestId };
}

const recordsOf = (service: AgencyService, requestId: string) =>
  service.database.dataSource.query<{ subjects: string[]; fields: string[]; data_subject: string | null }[]>(
    'SELECT subjects, fields, data_subject FROM audit_log WHERE request_id = $1',
    [requestId],
  );

const codesOf = (body: Answer) => (body.errors ?? []).map((error) => error.extensions?.code);

describe('cursors of a connection of people', () => {
  const statistics = { as: callerWith('dki_hr'), purpose: 'STATISTICS' as const };
  const PAGE = `query($after: String) { unit(code: "${UNIT}") { workers(first: 3, after: $after) {
    edges { cursor node { nik } } pageInfo { endCursor } } } }`;
  type Page = {
    unit: { workers: { edges: { cursor: string; node: { nik: string } }[]; pageInfo: { endCursor: string } } };
  };

  it('show the NIK nowhere, in clear or base64, to a caller who sees it masked', async () => {
    const { body } = await send(PAGE, statistics);
    expect(body.errors).toBeUndefined();
    const { edges, pageInfo } = (body.data as Page).unit.workers;
    expect(edges.map((edge) => edge.node.nik)).toEqual(
      staff.slice(0, 3).map((w) => `${w.nik.slice(0, 4)}**********${w.nik.slice(-2)}`),
    );
    for (const cursor of [...edges.map((edge) => edge.cursor), pageInfo.endCursor]) {
      const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
      for (const worker of staff) {
        expect(cursor).not.toContain(worker.nik);
        expect(decoded).not.toContain(worker.nik);
      }
    }
  });

  it('are audited like the NIKs they stand for, even when nothing else is selected', async () => {
    const { body, requestId } = await send(
      `{ unit(code: "${UNIT}") { workers(first: 2) { edges { cursor } pageInfo { endCursor } } } }`,
      statistics,
    );
    expect(body.errors).toBeUndefined();
    expect(await recordsOf(supergraph.workforce, requestId)).toEqual([
      {
        subjects: staff.slice(0, 2).map((w) => `nik:${w.nik}`),
        fields: ['WorkerConnection.pageInfo.endCursor', 'WorkerEdge.cursor'],
        data_subject: null,
      },
    ]);
  });

  it('page on for the caller they were given to, and for no one else', async () => {
    const first = (await send(PAGE, statistics)).body.data as Page;
    const next = await send(PAGE, statistics, { after: first.unit.workers.pageInfo.endCursor });
    expect((next.body.data as Page).unit.workers.edges).toHaveLength(3);

    const colleague = await send(
      PAGE,
      { as: { ...callerWith('dki_hr'), subject: 'someone-else' }, purpose: 'STATISTICS' },
      { after: first.unit.workers.pageInfo.endCursor },
    );
    expect(codesOf(colleague.body)).toEqual(['INVALID_CURSOR']);
  });

  it('refuse a hand-made cursor and a cursor of another connection', async () => {
    const handMade = Buffer.from(JSON.stringify(['v1', 'workers', subject.nik])).toString('base64url');
    expect(codesOf((await send(PAGE, statistics, { after: handMade })).body)).toEqual(['INVALID_CURSOR']);
    const units = await send('{ units(first: 1) { pageInfo { endCursor } } }', statistics);
    const unitCursor = (units.body.data as { units: { pageInfo: { endCursor: string } } }).units.pageInfo.endCursor;
    expect(codesOf((await send(PAGE, statistics, { after: unitCursor })).body)).toEqual(['INVALID_CURSOR']);
  });
});

describe('a lookup that shows whether a person exists', () => {
  const hr = { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' as const };
  const officer = { as: callerWith('bpjs_officer'), purpose: 'ENROLMENT' as const };

  it('is audited naming the person, with only __typename selected', async () => {
    const { body, requestId } = await send(`{ worker(nik: "${subject.nik}") { __typename } }`, hr);
    expect(body).toEqual({ data: { worker: { __typename: 'Worker' } } });
    expect(await recordsOf(supergraph.workforce, requestId)).toEqual([
      { subjects: [`nik:${subject.nik}`], fields: ['Query.worker'], data_subject: null },
    ]);
  });

  it('is audited when the person does not exist too', async () => {
    const { body, requestId } = await send(`{ worker(nik: "${UNKNOWN_NIK}") { __typename } }`, hr);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
    expect(await recordsOf(supergraph.workforce, requestId)).toEqual([
      { subjects: [`nik:${UNKNOWN_NIK}`], fields: ['Query.worker'], data_subject: null },
    ]);
  });

  it.each([
    ['nik', subjectParticipant.nik],
    ['kpj', subjectParticipant.kpj],
  ])('is audited at BPJS for participant(%s:)', async (argument, value) => {
    const { body, requestId } = await send(`{ participant(${argument}: "${value}") { __typename } }`, officer);
    expect(body.errors).toBeUndefined();
    expect(await recordsOf(supergraph.bpjs, requestId)).toEqual([
      { subjects: [`${argument}:${value}`], fields: ['Query.participant'], data_subject: null },
    ]);
  });

  it('is audited at BPJS when the gateway looks the worker up there (_entities)', async () => {
    const { body, requestId } = await send(`{ worker(nik: "${subject.nik}") { bpjs { __typename } } }`, hr);
    expect(body.errors).toBeUndefined();
    expect(await recordsOf(supergraph.bpjs, requestId)).toEqual([
      { subjects: [`nik:${subject.nik}`], fields: ['Worker (lookup)'], data_subject: null },
    ]);
  });
});

describe('a data subject request', () => {
  const forSubject = { as: callerWith('dki_hr'), purpose: 'DATA_SUBJECT_REQUEST' as const, dataSubject: subject.nik };

  it("answers with the subject's rows only, and records the subject", async () => {
    const { body, requestId } = await send(
      `{ unit(code: "${UNIT}") { workers(first: 100) { edges { node { nik monthlyWage } } } } }`,
      forSubject,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      unit: { workers: { edges: [{ node: { nik: subject.nik, monthlyWage: expect.any(String) } }] } },
    });
    const [record] = await recordsOf(supergraph.workforce, requestId);
    expect(record!.subjects).toEqual([`nik:${subject.nik}`]);
    expect(record!.data_subject).toBe(subject.nik);
  });

  it("refuses anyone else's data, at its path", async () => {
    const { body } = await send(
      `{ mine: worker(nik: "${subject.nik}") { name } theirs: worker(nik: "${other.nik}") { name } }`,
      forSubject,
    );
    expect(body.data).toEqual({ mine: { name: subject.name }, theirs: null });
    expect(body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['theirs'], 'FORBIDDEN']]);
  });

  it('holds at BPJS for a lookup by KPJ, knowing the KPJ the subject goes by', async () => {
    const officer = { ...forSubject, as: callerWith('bpjs_officer') };
    const { body } = await send(
      `{ mine: participant(kpj: "${subjectParticipant.kpj}") { name claims { id } }
         theirs: participant(kpj: "${otherParticipant.kpj}") { name } }`,
      officer,
    );
    expect(body.data).toMatchObject({ mine: { name: subjectParticipant.name }, theirs: null });
    expect(body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['theirs'], 'FORBIDDEN']]);
  });

  it("shows an auditor the subject's own trail, and nobody else's", async () => {
    const auditor = { ...forSubject, as: callerWith('auditor') };
    const mine = await send(`{ accessLog(nik: "${subject.nik}") { workforce(first: 5) { subjects } } }`, auditor);
    expect(mine.body.errors).toBeUndefined();
    const theirs = await send(`{ accessLog(nik: "${other.nik}") { workforce(first: 5) { subjects } } }`, auditor);
    expect(codesOf(theirs.body)).toContain('FORBIDDEN');
  });
});

describe('string arguments at the subgraph edge', () => {
  const officer = { as: callerWith('bpjs_officer'), purpose: 'CLAIM_VERIFICATION' as const };
  const auditor = { as: callerWith('auditor'), purpose: 'AUDIT' as const };

  it.each([
    ['a NUL byte', 'KLM-2016-\u00000000022'],
    ['50 KB', 'K'.repeat(50_000)],
  ])('refuse a claim id holding %s with INVALID_ID, repeating at most its start', async (_, id) => {
    const { status, body } = await send('query($id: ID!) { claim(id: $id) { id } }', officer, { id });
    expect(status).toBe(200);
    expect(codesOf(body)).toEqual(['INVALID_ID']);
    expect(body.errors![0]!.message.length).toBeLessThan(160);
  });

  it('refuse a caller subject holding a NUL byte with INVALID_ID', async () => {
    const { status, body } = await send(
      'query($subject: String!) { accessLogOfCaller(subject: $subject) { workforce { id } } }',
      auditor,
      { subject: 'siti\u0000' },
    );
    expect(status).toBe(200);
    expect(codesOf(body)).toContain('INVALID_ID');
  });

  it('refuse a cursor holding a NUL byte with INVALID_CURSOR', async () => {
    const { status, body } = await send(
      'query($after: String) { workers(first: 1, after: $after) { totalCount } }',
      { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' },
      { after: 'MzE3NDAxMDEwNDkzMDE2OA\u0000' },
    );
    expect(status).toBe(200);
    expect(codesOf(body)).toEqual(['INVALID_CURSOR']);
  });
});

describe('a gateway token captured on the internal network', () => {
  const page = {
    query:
      'query UnitStaff__workforce__0($code: ID!, $first: Int) { unit(code: $code) { workers(first: $first) { totalCount } } }',
    variables: { code: UNIT, first: 2 },
    operationName: 'UnitStaff__workforce__0',
  };

  async function replayWith(body: typeof page) {
    const sign = await createGatewayTokenSigner(supergraph.keys.gatewaySigning);
    const forwarded = {
      caller: callerWith('dki_hr'),
      purpose: 'HR_ADMINISTRATION' as const,
      requestId: randomUUID(),
      operationName: null,
      dataSubject: null,
    };
    const response = await fetch(supergraph.workforce.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: await sign('workforce', forwarded, page) },
      body: JSON.stringify(body),
    });
    return response.status;
  }

  it('carries only the operation it was signed for: not another unit, a larger page or another name', async () => {
    expect(await replayWith({ ...page, variables: { code: 'KEC-317402', first: 2 } })).toBe(401);
    expect(await replayWith({ ...page, variables: { code: UNIT, first: 100 } })).toBe(401);
    expect(await replayWith({ ...page, operationName: 'Other' })).toBe(401);
    expect(await replayWith(page)).toBe(200);
  });
});

describe('operation names a client chose', () => {
  it('never reach the metrics of any service, however many, while the published ones keep their label', async () => {
    const analyst = { as: callerWith('analyst'), purpose: 'STATISTICS' as const };
    for (let index = 0; index < 210; index += 1) {
      const named = `query Nik_${subject.nik}_${index} { workforceStatistics { workerCount } }`;
      expect((await send(named, analyst)).status).toBe(200);
    }
    const published = await send(publishedBody('WorkforceByCategory'), analyst);
    expect(published.body.errors).toBeUndefined();
    for (const service of [supergraph.gateway, supergraph.workforce, supergraph.bpjs]) {
      const metrics = await (await fetch(new URL('/metrics', service.url))).text();
      expect(metrics).not.toContain(subject.nik);
      expect(metrics).not.toMatch(/operation="\(other\)"/);
    }
    const gatewayMetrics = await (await fetch(new URL('/metrics', supergraph.gateway.url))).text();
    expect(gatewayMetrics).toMatch(/jembatan_graphql_requests_total\{[^}]*operation="WorkforceByCategory"/);
    expect(gatewayMetrics).toMatch(/jembatan_graphql_requests_total\{[^}]*operation="\(ad hoc\)"/);
  });
});
