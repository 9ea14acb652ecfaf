import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AgencyService, Caller, Purpose } from '@jembatan/kit';
import { copyTemplate } from './harness/templates';
import {
  callerWith,
  publishedBody,
  startSupergraph,
  type RunningSupergraph,
  type SupergraphDatabases,
} from './harness';

/**
 * Pemprov DKI's registry writes through the real gateway, as an HR screen sends them: published
 * operations only, a declared purpose, idempotency keys, versions; and what the agency keeps of
 * each attempt (the change, its audit record and its event, or only the record of a refusal).
 */

const HR: Caller = { subject: 'siti.rahma@jakarta.go.id', agency: 'pemprov-dki', roles: ['dki_hr'] };
const AS_HR = { as: HR, purpose: 'HR_ADMINISTRATION' as Purpose };
const NIK = '3174014506959011';
const registration = {
  nik: NIK,
  name: 'Rina Wulandari',
  category: 'PKP',
  unitCode: 'KEC-317401',
  contractStart: '2016-04-01',
  contractEnd: '2016-12-31',
  monthlyWage: '3100000',
};

type Answer = Awaited<ReturnType<RunningSupergraph['query']>>;
const codesOf = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

let databases: SupergraphDatabases;
let supergraph: RunningSupergraph;

const count = async (service: AgencyService, table: string, where = 'true', parameters: unknown[] = []) =>
  (
    await service.database.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
      parameters,
    )
  )[0]!.n;

const send = (operation: string, variables: Record<string, unknown>, as: { as: Caller; purpose: Purpose } = AS_HR) =>
  supergraph.query(publishedBody(operation), variables, as);

beforeAll(async () => {
  const templates = inject('templates');
  databases = { workforce: await copyTemplate(templates, 'workforce'), bpjs: await copyTemplate(templates, 'bpjs') };
  supergraph = await startSupergraph({ databases });
}, 120_000);
afterAll(() => supergraph?.stop());

describe('registry writes through the gateway', () => {
  it('registers a worker that reads back at version 1, and answers a retry with the first result', async () => {
    const first = await send('RegisterWorker', { idempotencyKey: 'e2e-register-0001', input: registration });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      data: {
        registerWorker: {
          replayed: false,
          worker: {
            nik: NIK,
            name: 'Rina Wulandari',
            category: 'PKP',
            unit: { code: 'KEC-317401', name: expect.any(String) },
            contractStart: '2016-04-01',
            contractEnd: '2016-12-31',
            monthlyWage: '3100000',
            version: 1,
          },
        },
      },
    });
    const read = await send('WorkerEnrolment', { nik: NIK });
    expect(read.body.data?.worker).toMatchObject({ nik: NIK, name: 'Rina Wulandari', contractStart: '2016-04-01' });

    // A second answer of replayed: true also shows the gateway did not serve the first from a cache.
    const retry = await send('RegisterWorker', { idempotencyKey: 'e2e-register-0001', input: registration });
    expect(retry.body.data?.registerWorker).toEqual({ ...first.body.data!.registerWorker!, replayed: true });
    expect(await count(supergraph.workforce, 'outbox_event', `ordering_key = $1`, [`nik:${NIK}`])).toBe(1);

    const reused = await send('RegisterWorker', {
      idempotencyKey: 'e2e-register-0001',
      input: { ...registration, monthlyWage: '3200000' },
    });
    expect(codesOf(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses a stale version with the current one, and changes nothing', async () => {
    const stale = await send('CorrectWage', {
      idempotencyKey: 'e2e-wage-stale-01',
      input: { nik: NIK, expectedVersion: 7, monthlyWage: '3300000' },
    });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    const fresh = await send('CorrectWage', {
      idempotencyKey: 'e2e-wage-fresh-01',
      input: { nik: NIK, expectedVersion: 1, monthlyWage: '3300000' },
    });
    expect(fresh.body.data?.correctWage).toEqual({
      replayed: false,
      worker: { nik: NIK, monthlyWage: '3300000', version: 2 },
    });
  });

  it("registers a unit's list through RegisterWorkers, for a unit officer only in their own unit", async () => {
    const officer = {
      as: { ...HR, subject: 'hr.kec-tebet@jakarta.go.id', units: ['KEC-317401'] },
      purpose: 'HR_ADMINISTRATION' as Purpose,
    };
    const { nik: _nik, unitCode: _unit, ...contract } = registration;
    const workers = [
      { ...contract, nik: '3174014506959012', name: 'Sri Handayani' },
      { ...contract, nik: '3174011208919013', name: 'Budi Santoso', category: 'PPSU', monthlyWage: '3150000' },
      { ...contract, nik: '3174014506959014', name: 'Lina Marlina', monthlyWage: '2000000' },
    ];
    const listed = await send(
      'RegisterWorkers',
      { idempotencyKey: 'e2e-list-0001', unitCode: 'KEC-317401', workers },
      officer,
    );
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data?.registerWorkers).toMatchObject({
      registered: 2,
      refused: 1,
      outcomes: [{ status: 'REGISTERED' }, { status: 'REGISTERED' }, { status: 'REFUSED', code: 'WAGE_BELOW_MINIMUM' }],
    });
    const retried = await send(
      'RegisterWorkers',
      { idempotencyKey: 'e2e-list-0001', unitCode: 'KEC-317401', workers },
      officer,
    );
    expect(retried.body.data?.registerWorkers).toMatchObject({ registered: 2, replayed: true });
    expect(await count(supergraph.workforce, 'worker', 'nik = ANY($1)', [workers.map((w) => w.nik)])).toBe(2);
    const elsewhere = await send(
      'RegisterWorkers',
      { idempotencyKey: 'e2e-list-0002', unitCode: 'DINKES', workers: workers.slice(0, 1) },
      officer,
    );
    expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', unitCode: 'DINKES' });
  });

  it.each([
    ['dki_hr declaring ENROLMENT', callerWith('dki_hr'), 'ENROLMENT'],
    ['bpjs_officer declaring ENROLMENT', callerWith('bpjs_officer'), 'ENROLMENT'],
  ] as const)(
    'refuses %s: no data change, one record of the refused attempt, no values',
    async (_, caller, purpose) => {
      const writesBefore = await count(supergraph.workforce, 'audit_log', `action = 'WRITE'`);
      const refusedBefore = await count(supergraph.workforce, 'audit_log', `caller_subject = $1`, [caller.subject]);
      const answer = await send(
        'TransferWorker',
        {
          idempotencyKey: 'e2e-transfer-0001',
          input: { nik: NIK, expectedVersion: 2, toUnitCode: 'DINKES', effectiveDate: '2016-07-01' },
        },
        { as: caller, purpose },
      );
      expect(answer.body.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
        ['FORBIDDEN', 'Mutation.transferWorker'],
      ]);
      expect(answer.body.data?.transferWorker ?? null).toBeNull();
      const [worker] = await supergraph.workforce.database.dataSource.query(
        'SELECT unit_code, version FROM worker WHERE nik = $1',
        [NIK],
      );
      expect(worker).toEqual({ unit_code: 'KEC-317401', version: 2 });
      expect(await count(supergraph.workforce, 'audit_log', `action = 'WRITE'`)).toBe(writesBefore);
      const records = await supergraph.workforce.database.dataSource.query(
        `SELECT action, caller_roles, purpose, subjects, fields, changes, refusal_code FROM audit_log
        WHERE caller_subject = $1 ORDER BY seq`,
        [caller.subject],
      );
      expect(records.slice(refusedBefore)).toEqual([
        {
          action: 'WRITE_REFUSED',
          caller_roles: caller.roles,
          purpose,
          subjects: [`nik:${NIK}`],
          fields: ['Worker.unit'],
          changes: [],
          refusal_code: 'FORBIDDEN',
        },
      ]);
    },
  );

  it("shows the auditor each write with its changed fields' digests, never the values", async () => {
    const answer = await supergraph.query(
      `query ($subject: String!) { accessLogOfCaller(subject: $subject) {
         workforce(first: 50) { action fields changes refusalCode subjects } } }`,
      { subject: HR.subject },
      { as: callerWith('auditor'), purpose: 'AUDIT' },
    );
    expect(codesOf(answer)).toEqual([]);
    const records = (answer.body.data as { accessLogOfCaller: { workforce: Record<string, unknown>[] } })
      .accessLogOfCaller.workforce;
    const writes = records.filter((record) => record.action !== 'READ');
    expect(writes.map((record) => [record.action, record.refusalCode])).toEqual([
      ['WRITE', null],
      ['WRITE_REFUSED', 'VERSION_CONFLICT'],
      ['WRITE_REFUSED', 'IDEMPOTENCY_KEY_REUSED'],
      ['WRITE', null],
    ]);
    const wage = writes[0]!;
    expect(wage).toMatchObject({ fields: ['Worker.monthlyWage'], subjects: [`nik:${NIK}`] });
    expect(wage.changes).toEqual([expect.stringMatching(/^Worker\.monthlyWage=[0-9a-f]{64}$/)]);
    expect(JSON.stringify(records)).not.toMatch(/3300000|3100000|Rina/);
  });

  it('keeps its idempotency records across a restart of every service', async () => {
    await supergraph.stop();
    supergraph = await startSupergraph({ databases });
    const again = await send('RegisterWorker', { idempotencyKey: 'e2e-register-0001', input: registration });
    expect(again.body.data?.registerWorker).toMatchObject({ replayed: true, worker: { version: 1 } });
  });
});

describe('a mutation whose answer is lost on the way back', () => {
  let proxy: Server;
  let relayed: string[];
  let lossy: RunningSupergraph;

  /** Forwards to its workforce subgraph; the answer to the first mutation is replaced by a 503. */
  beforeAll(async () => {
    relayed = [];
    let lost = false;
    proxy = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString();
      relayed.push(body);
      const headers = Object.entries(request.headers)
        .filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name))
        .map(([name, value]): [string, string] => [name, String(value)]);
      const upstream = await fetch(lossy.workforce.url, {
        method: request.method,
        headers,
        body: request.method === 'GET' ? undefined : body,
      });
      const text = await upstream.text();
      if (body.includes('mutation') && !lost) {
        lost = true;
        response.writeHead(503, { 'content-type': 'text/plain' }).end('lost');
        return;
      }
      response.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    const { port } = proxy.address() as AddressInfo;
    lossy = await startSupergraph({ subgraphUrls: { workforce: `http://127.0.0.1:${port}/graphql` } });
  }, 120_000);
  afterAll(async () => {
    await lossy?.stop();
    proxy?.close();
  });

  it('is sent once, never retried by the gateway, and a client retry with its key replays it', async () => {
    const nik = '3174014506959012';
    const variables = { idempotencyKey: 'e2e-lost-answer-01', input: { ...registration, nik } };
    const lost = await lossy.query(publishedBody('RegisterWorker'), variables, AS_HR);
    expect(codesOf(lost)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(relayed.filter((body) => body.includes('mutation'))).toHaveLength(1);
    // It was applied, once, in the subgraph behind the proxy.
    expect(await count(lossy.workforce, 'worker', 'nik = $1', [nik])).toBe(1);
    const retried = await lossy.query(publishedBody('RegisterWorker'), variables, AS_HR);
    expect(retried.body.data?.registerWorker).toMatchObject({ replayed: true, worker: { nik, version: 1 } });
    expect(relayed.filter((body) => body.includes('mutation'))).toHaveLength(2);
    expect(await count(lossy.workforce, 'outbox_event', 'ordering_key = $1', [`nik:${nik}`])).toBe(1);
  });
});
