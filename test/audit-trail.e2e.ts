import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type AgencyService } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { publishedBody, startSupergraph, type RunningSupergraph } from './harness';

const world = generateWorld('demo');
const worker = world.workers.find((w) => world.participants.some((p) => p.nik === w.nik))!;
const participant = world.participants.find((p) => p.nik === worker.nik)!;

let supergraph: RunningSupergraph;
beforeAll(async () => {
  supergraph = await startSupergraph();
});
afterAll(() => supergraph?.stop());

interface Row {
  caller_subject: string;
  caller_agency: string;
  caller_roles: string[];
  purpose: string | null;
  operation_name: string | null;
  subjects: string[];
  fields: string[];
}

const recordsOf = (service: AgencyService, requestId: string) =>
  service.database.dataSource.query<Row[]>(
    `SELECT caller_subject, caller_agency, caller_roles, purpose, operation_name, subjects, fields
       FROM audit_log WHERE request_id = $1`,
    [requestId],
  );

async function send(query: string, purpose: 'HR_ADMINISTRATION' | 'STATISTICS', variables?: Record<string, unknown>) {
  const requestId = randomUUID();
  const { status, body } = await supergraph.query(query, variables, {
    as: { subject: 'siti.rahma@jakarta.go.id', agency: 'pemprov-dki', roles: ['dki_hr'] },
    purpose,
    headers: { 'x-request-id': requestId },
  });
  expect(status).toBe(200);
  return { requestId, body };
}

describe('the audit trail', () => {
  it('names a published operation, and records an ad-hoc one named like it as ad hoc', async () => {
    const published = await send(publishedBody('WorkerEnrolment'), 'HR_ADMINISTRATION', { nik: worker.nik });
    const impostor = await send(
      `query WorkerEnrolment { worker(nik: "${worker.nik}") { name monthlyWage } }`,
      'HR_ADMINISTRATION',
    );
    for (const service of [supergraph.workforce, supergraph.bpjs]) {
      expect((await recordsOf(service, published.requestId)).map((row) => row.operation_name)).toEqual([
        'WorkerEnrolment',
      ]);
    }
    expect((await recordsOf(supergraph.workforce, impostor.requestId)).map((row) => row.operation_name)).toEqual([
      null,
    ]);
  });

  it('records one entry per agency for a request that reads personal data: who, why, whom and what', async () => {
    const { requestId, body } = await send(
      `query WorkerEnrolmentCheck { worker(nik: "${worker.nik}") { name monthlyWage bpjs { kpj enrollments { program } } } }`,
      'HR_ADMINISTRATION',
    );
    expect(body.errors).toBeUndefined();
    const who = {
      caller_subject: 'siti.rahma@jakarta.go.id',
      caller_agency: 'pemprov-dki',
      caller_roles: ['dki_hr'],
      purpose: 'HR_ADMINISTRATION',
      // Ad hoc, whatever the client named it: only published operations are recorded by name.
      operation_name: null,
    };
    expect(await recordsOf(supergraph.workforce, requestId)).toEqual([
      {
        ...who,
        subjects: [`nik:${worker.nik}`],
        fields: ['Query.worker', 'Worker.monthlyWage', 'Worker.name', 'Worker.nik'],
      },
    ]);
    expect(await recordsOf(supergraph.bpjs, requestId)).toEqual([
      {
        ...who,
        subjects: [`kpj:${participant.kpj}`, `nik:${participant.nik}`],
        fields: ['Enrollment.program', 'Participant.enrollments', 'Participant.kpj', 'Worker (lookup)'],
      },
    ]);
  });

  it('records masked reads as masked, and nothing at all for aggregates', async () => {
    const masked = await send(`{ worker(nik: "${worker.nik}") { nik category } }`, 'STATISTICS');
    expect((await recordsOf(supergraph.workforce, masked.requestId))[0]?.fields).toEqual([
      'Query.worker',
      'Worker.category',
      'Worker.nik (masked)',
    ]);
    const aggregate = await send(
      '{ workforceStatistics { workerCount } claimStatistics(year: 2016) { count } }',
      'STATISTICS',
    );
    expect(aggregate.body.errors).toBeUndefined();
    expect(await recordsOf(supergraph.workforce, aggregate.requestId)).toEqual([]);
    expect(await recordsOf(supergraph.bpjs, aggregate.requestId)).toEqual([]);
  });

  it('writes one record for a page of 100 people, not one per person', async () => {
    const unit = world.units.find((u) => world.workers.filter((w) => w.unitCode === u.code).length >= 100)!;
    const { requestId } = await send(
      `{ unit(code: "${unit.code}") { workers(first: 100) { edges { node { nik name } } } } }`,
      'HR_ADMINISTRATION',
    );
    const records = await recordsOf(supergraph.workforce, requestId);
    expect(records).toHaveLength(1);
    expect(records[0]!.subjects).toHaveLength(100);
  });

  it('keeps every chain of both trails intact under concurrent requests', async () => {
    await Promise.all(
      world.workers
        .slice(0, 40)
        .map((w) => send(`{ worker(nik: "${w.nik}") { name bpjs { kpj } } }`, 'HR_ADMINISTRATION')),
    );
    for (const service of [supergraph.workforce, supergraph.bpjs]) {
      const report = await verifyAuditChain(service.database);
      expect(report.firstBroken).toBeNull();
      expect(report.entries).toBeGreaterThanOrEqual(40);
    }
  });
});

describe('the access log, through the gateway', () => {
  const auditor = { subject: 'dpo@bpjsketenagakerjaan.go.id', agency: 'bpjs-tk', roles: ['auditor' as const] };
  const LOG = `query WhoLookedAtMe($nik: String!) {
    accessLog(nik: $nik) {
      workforce(first: 5) { id agency callerSubject purpose operationName subjects fields occurredAt hash }
      bpjs(first: 5) { id agency callerSubject purpose operationName subjects fields }
    }
  }`;

  it("answers a data subject's request across both agencies in one query, showing only their own identifiers", async () => {
    const { requestId } = await send(
      `query PayrollCheck { worker(nik: "${worker.nik}") { monthlyWage bpjs { kpj } } workers(first: 3) { edges { node { nik } } } }`,
      'HR_ADMINISTRATION',
    );
    const { status, body } = await supergraph.query<{
      accessLog: { workforce: Record<string, unknown>[]; bpjs: Record<string, unknown>[] };
    }>(LOG, { nik: worker.nik }, { as: auditor, purpose: 'DATA_SUBJECT_REQUEST', dataSubject: worker.nik });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [latestWorkforce] = body.data!.accessLog.workforce;
    expect(latestWorkforce).toMatchObject({
      agency: 'Pemprov DKI',
      callerSubject: 'siti.rahma@jakarta.go.id',
      purpose: 'HR_ADMINISTRATION',
      operationName: null,
      subjects: [`nik:${worker.nik}`],
    });
    expect(latestWorkforce!.fields).toContain('Worker.monthlyWage');
    const [latestBpjs] = body.data!.accessLog.bpjs;
    expect(latestBpjs).toMatchObject({
      agency: 'BPJS Ketenagakerjaan',
      callerSubject: 'siti.rahma@jakarta.go.id',
      operationName: null,
      subjects: [`kpj:${participant.kpj}`, `nik:${participant.nik}`],
    });
    expect(requestId).toBeTruthy();
  });

  it("lets an auditor review one caller's reads, and records the auditor's own reading", async () => {
    const { body } = await supergraph.query<{ accessLogOfCaller: { workforce: { subjects: string[] }[] } }>(
      '{ accessLogOfCaller(subject: "siti.rahma@jakarta.go.id") { workforce(first: 500) { subjects } } }',
      undefined,
      { as: auditor, purpose: 'AUDIT' },
    );
    expect(body.errors).toBeUndefined();
    const seen = body.data!.accessLogOfCaller.workforce.flatMap((record) => record.subjects);
    expect(seen).toContain(`nik:${worker.nik}`);
    const [own] = await supergraph.workforce.database.dataSource.query<{ fields: string[] }[]>(
      `SELECT fields FROM audit_log WHERE caller_subject = $1 ORDER BY seq DESC LIMIT 1`,
      [auditor.subject],
    );
    expect(own?.fields).toContain('AccessRecord.subjects');
  });

  it('is the auditor’s alone, and a data subject request may not browse by caller', async () => {
    const hr = await supergraph.query(
      LOG,
      { nik: worker.nik },
      {
        as: { subject: 'hr', agency: 'pemprov-dki', roles: ['dki_hr'] },
        purpose: 'DATA_SUBJECT_REQUEST',
        dataSubject: worker.nik,
      },
    );
    expect(hr.body.data).toBeNull();
    expect(hr.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const browse = await supergraph.query(
      '{ accessLogOfCaller(subject: "siti.rahma@jakarta.go.id") { workforce { id } } }',
      undefined,
      { as: auditor, purpose: 'DATA_SUBJECT_REQUEST', dataSubject: worker.nik },
    );
    expect(browse.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an invalid NIK and an out-of-range page with their codes', async () => {
    const invalid = await supergraph.query(LOG, { nik: '123' }, { as: auditor, purpose: 'AUDIT' });
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('INVALID_NIK');
    const tooMany = await supergraph.query(
      `{ accessLog(nik: "${worker.nik}") { workforce(first: 501) { id } } }`,
      undefined,
      { as: auditor, purpose: 'AUDIT' },
    );
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_OUT_OF_RANGE');
  });
});
