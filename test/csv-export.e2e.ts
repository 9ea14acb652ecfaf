import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PURPOSE_HEADER } from '@jembatan/gateway';
import type { Caller, Purpose } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import {
  callerWith,
  serveSupergraph,
  STAFF_OF_BOTH_AGENCIES,
  startSupergraph,
  type RunningSupergraph,
} from './harness';
import { copyTemplate } from './harness/templates';

const ANALYST = callerWith('analyst');
const HR = callerWith('dki_hr');

let running: RunningSupergraph;
beforeAll(async () => {
  running = await startSupergraph();
});
afterAll(() => running?.stop());

interface CsvAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The CSV's lines split into cells (the fixtures here hold no quoted separators). */
  lines: string[][];
}

async function getCsv(
  system: RunningSupergraph,
  query: string,
  {
    as = ANALYST,
    purpose,
    headers = {},
  }: { as?: Caller | null; purpose?: Purpose; headers?: Record<string, string> } = {},
): Promise<CsvAnswer> {
  const response = await fetch(new URL(`/csv?${query}`, system.gateway.url), {
    headers: {
      ...(as ? { authorization: `Bearer ${await system.tokenFor(as)}` } : {}),
      ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
      ...headers,
    },
  });
  const text = await response.text();
  const lines = text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(/[,;]/));
  return { status: response.status, headers: response.headers, text, lines };
}

const errorOf = (answer: CsvAnswer) =>
  (JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;

describe('GET /csv', () => {
  it('gives claims by programme as a spreadsheet table, the same figures as the GraphQL answer', async () => {
    const { body } = await running.query<{
      claimStatistics: { byProgram: { program: string; count: number; amount: string }[] };
    }>('{ claimStatistics(year: 2016, regionCode: "31") { byProgram { program count amount } } }', undefined, {
      as: ANALYST,
      purpose: null,
    });
    const csv = await getCsv(running, 'operation=ClaimsByProgram&year=2016&regionCode=31');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ClaimsByProgram.csv"');
    expect(csv.lines[0]).toEqual(['program', 'count', 'amount']);
    expect(csv.lines.slice(1)).toEqual(
      body.data!.claimStatistics.byProgram.map((row) => [row.program, String(row.count), row.amount]),
    );
    expect(csv.lines.length).toBeGreaterThan(2);
  });

  it('answers a client that asks for text/csv, as the playground does, with the same table', async () => {
    const plain = await getCsv(running, 'operation=ClaimsByProgram&year=2016&regionCode=31');
    const asked = await getCsv(running, 'operation=ClaimsByProgram&year=2016&regionCode=31', {
      headers: { accept: 'text/csv' },
    });
    expect({ status: asked.status, text: asked.text }).toEqual({ status: 200, text: plain.text });
  });

  it('follows a connection to its last page: coverage of every unit, a row each, programmes spread into columns', async () => {
    const { body } = await running.query<{
      units: {
        edges: { node: { code: string; bpjsCoverage: { byProgram: { program: string; enrolled: number }[] } } }[];
      };
    }>('{ units(first: 100) { edges { node { code bpjsCoverage { byProgram { program enrolled } } } } } }', undefined, {
      as: ANALYST,
      purpose: null,
    });
    const units = body.data!.units.edges.map((edge) => edge.node);
    // Pages of 7 make the export follow the cursor several times, past a last, partial page.
    const csv = await getCsv(running, 'operation=CoverageByUnit&first=7');
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.lines;
    expect(header!.slice(0, 6)).toEqual(['code', 'name', 'kind', 'regionCode', 'headcount', 'bpjsCoverage.enrolled']);
    expect(rows.map((row) => row[0])).toEqual(units.map((unit) => unit.code));
    expect(units.length % 7).not.toBe(0);

    const jkk = header!.indexOf('bpjsCoverage.byProgram.JKK.enrolled');
    expect(jkk).toBeGreaterThan(0);
    expect(header).toContain('bpjsCoverage.claims.amount');
    const enrolledInJkk = (unit: (typeof units)[number]) =>
      unit.bpjsCoverage.byProgram.find((program) => program.program === 'JKK')?.enrolled;
    expect(rows.map((row) => Number(row[jkk]))).toEqual(units.map(enrolledInJkk));
  });

  it('takes another list of the answer by its path, and semicolons for spreadsheets in Indonesian', async () => {
    const csv = await getCsv(
      running,
      'operation=WorkforceByCategory&table=workforceStatistics.byUnitKind&separator=semicolon',
    );
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('kind;count');
    expect(csv.lines.slice(1).map((row) => row[0])).toEqual(['SKPD', 'UKPD']);
  });

  it('exports personal data only to whom the agencies grant all of it, and records every page in their trails', async () => {
    const subject = generateWorld('demo').workers.find((worker) => worker.unitCode === 'KEC-317401')!;
    const forbidden = await getCsv(running, 'operation=UnitStaffWithBpjs&code=KEC-317401');
    expect(forbidden.status).toBe(403);
    expect(errorOf(forbidden)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    // dki_hr may not see claims: the answer would be incomplete, so there is no file at all.
    const withoutClaims = await getCsv(running, 'operation=UnitStaffWithBpjs&code=KEC-317401', {
      as: HR,
      purpose: 'HR_ADMINISTRATION',
    });
    expect(withoutClaims.status).toBe(403);

    const requestId = randomUUID();
    // Everything of the page at once only for a data subject's own request, and then their row alone.
    const staff = await getCsv(running, 'operation=UnitStaffWithBpjs&code=KEC-317401&first=10', {
      as: STAFF_OF_BOTH_AGENCIES,
      purpose: 'DATA_SUBJECT_REQUEST',
      headers: { 'x-request-id': requestId, 'x-data-subject': subject.nik },
    });
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('no-store');
    const { body } = await running.query<{ unit: { workers: { totalCount: number } } }>(
      '{ unit(code: "KEC-317401") { workers { totalCount } } }',
    );
    const total = body.data!.unit.workers.totalCount;
    expect(total).toBeGreaterThan(10);
    const [header, ...rows] = staff.lines;
    expect(header!.slice(0, 3)).toEqual(['nik', 'name', 'category']);
    expect(rows.map((row) => row.slice(0, 2))).toEqual([[subject.nik, subject.name]]);

    const pages = await running.workforce.database.dataSource.query<{ operation_name: string }[]>(
      'SELECT operation_name FROM audit_log WHERE request_id = $1',
      [requestId],
    );
    // One record per page the export followed, each under the published operation's name.
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(new Set(pages.map((page) => page.operation_name))).toEqual(new Set(['UnitStaffWithBpjs']));
  });

  it.each([
    ['no token', '', { as: null }, 401, 'UNAUTHENTICATED'],
    ['no operation named', '', {}, 400, 'BAD_USER_INPUT'],
    ['an operation that is not saved', 'operation=DropEverything', {}, 404, 'NOT_FOUND'],
    ['a parameter the operation does not take', 'operation=ClaimsByProgram&yaer=2016', {}, 400, 'BAD_USER_INPUT'],
    ['a value of the wrong type', 'operation=ClaimsByProgram&year=twenty', {}, 400, 'BAD_USER_INPUT'],
    ['a required parameter missing', 'operation=UnitCoverage', {}, 400, 'BAD_USER_INPUT'],
    ['a parameter given twice', 'operation=ClaimsByProgram&year=2016&year=2017', {}, 400, 'BAD_USER_INPUT'],
    ['a list the answer does not have', 'operation=ClaimsByProgram&table=claims', {}, 400, 'BAD_USER_INPUT'],
    ['an unknown separator', 'operation=ClaimsByProgram&separator=tab', {}, 400, 'BAD_USER_INPUT'],
    ['an argument the agency refuses', 'operation=ClaimsByProgram&year=1900', {}, 400, 'BAD_USER_INPUT'],
  ] as const)('refuses %s, and keeps serving', async (_case, query, sendAs, status, code) => {
    const answer = await getCsv(running, query, sendAs);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(errorOf(answer).extensions.code).toBe(code);
    expect((await getCsv(running, 'operation=WorkforceByCategory')).status).toBe(200);
  });

  it('names the lists it has when asked for one it has not', async () => {
    const answer = await getCsv(running, 'operation=UnitCoverage&code=DINKES&table=unit.workers');
    expect(errorOf(answer).message).toContain('unit.bpjsCoverage.byProgram, unit.children');
  });

  it('answers only GET', async () => {
    const response = await fetch(new URL('/csv?operation=ClaimsByProgram', running.gateway.url), { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('GET /csv while an agency is down', () => {
  let degraded: RunningSupergraph;
  beforeAll(async () => {
    const templates = inject('templates');
    degraded = await serveSupergraph(
      { workforce: await copyTemplate(templates, 'workforce'), bpjs: await copyTemplate(templates, 'bpjs') },
      { subgraphUrls: { bpjs: 'http://127.0.0.1:9/graphql' } },
    );
  });
  afterAll(() => degraded?.stop());

  it('makes no file from a partial answer: 503 naming the missing agency', async () => {
    const answer = await getCsv(degraded, 'operation=CoverageByUnit');
    expect(answer.status).toBe(503);
    const errors = (JSON.parse(answer.text) as { errors: { extensions: Record<string, unknown> }[] }).errors;
    expect(errors[0]!.extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(errors.slice(1).some((error) => error.extensions.serviceName === 'bpjs')).toBe(true);
    expect(answer.text).not.toContain('127.0.0.1');
    expect((await getCsv(degraded, 'operation=WorkforceByCategory')).status).toBe(200);
  });
});
