import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, ROLE_PURPOSES, ROLES, type Caller, type Purpose, type Role } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { callerWith, savedOperation, startSupergraph, type GraphqlResponse, type RunningSupergraph } from './harness';

const world = generateWorld('demo');
const claim = world.claims[0]!;
const participant = world.participants.find((p) => p.kpj === claim.kpj && p.nik.startsWith('31'))!;
const worker = world.workers.find((w) => w.nik === participant.nik) ?? world.workers[0]!;
const workerParticipant = world.participants.find((p) => p.nik === worker.nik)!;

/**
 * What a caller gets for one field: read as it is, masked, or FORBIDDEN (null, with one error
 * naming the field withheld: this one, or the one on its path that the policy closed first).
 */
type Outcome = 'R' | 'M' | 'F';

/**
 * Every role with no purpose and with each purpose it may declare, in the column order of
 * MATRIX below. Written out, not derived from the policies: this is the table docs/security.md
 * promises, and the policies must meet it.
 */
const CASES: [Role, Purpose | null][] = [
  ['analyst', null],
  ['analyst', 'STATISTICS'],
  ['dki_hr', null],
  ['dki_hr', 'HR_ADMINISTRATION'],
  ['dki_hr', 'ENROLMENT'],
  ['dki_hr', 'STATISTICS'],
  ['dki_hr', 'DATA_SUBJECT_REQUEST'],
  ['bpjs_officer', null],
  ['bpjs_officer', 'ENROLMENT'],
  ['bpjs_officer', 'CLAIM_VERIFICATION'],
  ['bpjs_officer', 'STATISTICS'],
  ['bpjs_officer', 'DATA_SUBJECT_REQUEST'],
  ['auditor', null],
  ['auditor', 'AUDIT'],
  ['auditor', 'DATA_SUBJECT_REQUEST'],
];

//                                  analyst  dki_hr        bpjs_officer   auditor
//                                  - S      - H E S D     - E C S D      - A D
const MATRIX: Record<string, string> = {
  'Query.units': '                  R R      R R R R R     R R R R R      R R R',
  'Query.workforceStatistics': '    R R      R R R R R     R R R R R      R R R',
  'Worker.nik': '                   F F      F R R M R     F R R M F      F F F',
  'Worker.category': '              F F      F R R R R     F R R R F      F F F',
  'Worker.name': '                  F F      F R R F R     F R R F F      F F F',
  'Worker.contractStart': '         F F      F R R F R     F F F F F      F F F',
  'Worker.monthlyWage': '           F F      F R F F R     F F F F F      F F F',
  'Worker.bpjs': '                  F F      F R R F R     F R R F F      F F F',
  'Query.coverageGaps': '           F F      F R R F F     F R F F F      F F F',
  'Unit.coverageGapCount': '        R R      R R R R R     R R R R R      R R R',
  'Query.claimStatistics': '        R R      R R R R R     R R R R R      R R R',
  'Unit.bpjsCoverage': '            R R      R R R R R     R R R R R      R R R',
  'Participant.nik': '              F F      F M M F M     F R R F R      F F F',
  'Participant.name': '             F F      F R R F R     F R R F R      F F F',
  'Participant.enrollments': '      F F      F R R F R     F R R F R      F F F',
  'Participant.claims': '           F F      F F F F F     F R R F R      F F F',
  'Claim.amount': '                 F F      F F F F F     F F R F R      F F F',
};

/** One query per field, reaching it by the shortest path a client would use. */
const PROBES: Record<string, { query: string; path: string }> = {
  'Query.units': { query: '{ units(first: 1) { totalCount } }', path: 'units.totalCount' },
  'Query.workforceStatistics': {
    query: '{ workforceStatistics { workerCount } }',
    path: 'workforceStatistics.workerCount',
  },
  'Worker.nik': { query: `{ worker(nik: "${worker.nik}") { nik } }`, path: 'worker.nik' },
  'Worker.category': { query: `{ worker(nik: "${worker.nik}") { category } }`, path: 'worker.category' },
  'Worker.name': { query: `{ worker(nik: "${worker.nik}") { name } }`, path: 'worker.name' },
  'Worker.contractStart': {
    query: `{ worker(nik: "${worker.nik}") { contractStart } }`,
    path: 'worker.contractStart',
  },
  'Worker.monthlyWage': {
    query: `{ worker(nik: "${worker.nik}") { monthlyWage } }`,
    path: 'worker.monthlyWage',
  },
  'Worker.bpjs': { query: `{ worker(nik: "${worker.nik}") { bpjs { kpj } } }`, path: 'worker.bpjs.kpj' },
  'Query.coverageGaps': {
    query: '{ coverageGaps(first: 1) { edges { node { kind } } } }',
    path: 'coverageGaps.edges.0.node.kind',
  },
  'Unit.coverageGapCount': {
    query: `{ unit(code: "${worker.unitCode}") { coverageGapCount { total } } }`,
    path: 'unit.coverageGapCount.total',
  },
  'Query.claimStatistics': {
    query: '{ claimStatistics(year: 2016) { count } }',
    path: 'claimStatistics.count',
  },
  'Unit.bpjsCoverage': {
    query: `{ unit(code: "${worker.unitCode}") { bpjsCoverage { enrolled } } }`,
    path: 'unit.bpjsCoverage.enrolled',
  },
  'Participant.nik': { query: `{ participant(kpj: "${participant.kpj}") { nik } }`, path: 'participant.nik' },
  'Participant.name': {
    query: `{ participant(kpj: "${participant.kpj}") { name } }`,
    path: 'participant.name',
  },
  'Participant.enrollments': {
    query: `{ participant(kpj: "${participant.kpj}") { enrollments { program } } }`,
    path: 'participant.enrollments.0.program',
  },
  'Participant.claims': {
    query: `{ participant(kpj: "${participant.kpj}") { claims { id } } }`,
    path: 'participant.claims.0.id',
  },
  'Claim.amount': {
    query: `{ participant(kpj: "${participant.kpj}") { claims { amount } } }`,
    path: 'participant.claims.0.amount',
  },
};

/** The value at a dotted path ("participant.claims.0.amount"), or undefined where the path breaks off. */
const valueAt = (data: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]), data);
const masked = (nik: string) => `${nik.slice(0, 4)}**********${nik.slice(14)}`;
/** A response path as docs/errors.md writes it, list indices left out: "unit.workers.edges.node.bpjs.claims". */
const withoutIndices = (path: readonly (string | number)[] | undefined) =>
  (path ?? []).filter((step) => typeof step === 'string').join('.');
/** Each error as [path, code, field, withheldCount], for comparing whole lists at once. */
const described = (body: GraphqlResponse['body']) =>
  (body.errors ?? []).map((error) => [
    error.path?.join('.'),
    error.extensions?.code,
    error.extensions?.field,
    error.extensions?.withheldCount,
  ]);
const expectedFor = (field: string, column: number): Outcome => MATRIX[field]!.trim().split(/\s+/)[column] as Outcome;

/** Every line the three services log while the matrix runs. */
const logLines: string[] = [];
let supergraph: RunningSupergraph;
beforeAll(async () => {
  supergraph = await startSupergraph({ logger: createLogger('test', (line) => logLines.push(line)) });
});
afterAll(() => supergraph?.stop());

describe('who may read what: every role × purpose × sensitive field, through the gateway', () => {
  it('covers every role, and every purpose each role may declare', () => {
    for (const role of ROLES) {
      const covered = CASES.filter(([r]) => r === role).map(([, purpose]) => purpose);
      expect(covered).toEqual([null, ...ROLE_PURPOSES[role]]);
    }
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const rows = CASES.flatMap(([role, purpose], column) =>
    Object.keys(MATRIX).map((field) => [role, purpose ?? '(none)', field, expectedFor(field, column)] as const),
  );

  it.each(rows)('%s with purpose %s reading %s: %s', async (role, purpose, field, expected) => {
    const probe = PROBES[field]!;
    const as: Caller = callerWith(role);
    // A data subject request is about the one person the probe reads.
    const about = field.startsWith('Participant.') || field.startsWith('Claim.') ? participant.nik : worker.nik;
    const { status, body } = await supergraph.query(probe.query, undefined, {
      as,
      purpose: purpose === '(none)' ? null : (purpose as Purpose),
      dataSubject: purpose === 'DATA_SUBJECT_REQUEST' ? about : undefined,
    });
    expect(status).toBe(200);
    const value = valueAt(body.data, probe.path);
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    if (expected === 'F') {
      expect(value ?? null).toBeNull();
      // One error: at the probe's path or the part of it where the policy closed it, naming that field.
      expect(codes).toEqual(['FORBIDDEN']);
      const [error] = body.errors!;
      const where = withoutIndices(error!.path);
      expect(withoutIndices(probe.path.split('.').filter((step) => !/^\d+$/.test(step)))).toMatch(
        new RegExp(`^${where}(\\.|$)`),
      );
      expect(error!.extensions?.field).toMatch(new RegExp(`\\.${where.split('.').at(-1)}$`));
      // Withheld once, or from each of the participant's claims for a field of a claim.
      const claims = world.claims.filter((c) => c.kpj === participant.kpj).length;
      expect(error!.extensions?.withheldCount).toBe(where.startsWith('participant.claims.') ? claims : 1);
      return;
    }
    expect(codes).toEqual([]);
    expect(value).not.toBeNull();
    expect(value).not.toBeUndefined();
    if (field.endsWith('.nik')) {
      const nik = field === 'Worker.nik' ? worker.nik : participant.nik;
      expect(value).toBe(expected === 'M' ? masked(nik) : nik);
    }
  });

  it('refuses, with 403, a purpose none of the caller’s roles may declare', async () => {
    for (const role of ROLES) {
      const foreign = (['CLAIM_VERIFICATION', 'HR_ADMINISTRATION', 'AUDIT'] as Purpose[]).find(
        (purpose) => !ROLE_PURPOSES[role].includes(purpose),
      )!;
      const { status } = await supergraph.query('{ units(first: 1) { totalCount } }', undefined, {
        as: callerWith(role),
        purpose: foreign,
      });
      expect(status, `${role} declaring ${foreign}`).toBe(403);
    }
  });

  it('denies a field at its own path and still delivers the rest of the answer', async () => {
    const { body } = await supergraph.query(
      `{ worker(nik: "${worker.nik}") { name category monthlyWage bpjs { kpj claims { amount } } } }`,
      undefined,
      { as: callerWith('bpjs_officer'), purpose: 'ENROLMENT' },
    );
    expect(body.data).toEqual({
      worker: {
        name: worker.name,
        category: worker.category,
        monthlyWage: null,
        bpjs: {
          kpj: workerParticipant.kpj,
          claims: world.claims.filter((c) => c.kpj === workerParticipant.kpj).map(() => ({ amount: null })),
        },
      },
    });
    const claims = world.claims.filter((c) => c.kpj === workerParticipant.kpj).length;
    expect(described(body)).toEqual([
      ['worker.monthlyWage', 'FORBIDDEN', 'Worker.monthlyWage', 1],
      ...(claims > 0 ? [['worker.bpjs.claims.0.amount', 'FORBIDDEN', 'Claim.amount', claims]] : []),
    ]);
    // No personal data in the error messages: they name the field, never a value.
    for (const error of body.errors ?? []) {
      expect(error.message).not.toContain(worker.nik);
      expect(error.message).not.toContain(worker.name);
    }
  });

  it('refuses to join on a NIK the caller only saw masked', async () => {
    const { body } = await supergraph.query(`{ worker(nik: "${worker.nik}") { nik bpjs { kpj } } }`, undefined, {
      as: callerWith('dki_hr', 'bpjs_officer'),
      purpose: 'STATISTICS',
    });
    expect(body.data).toEqual({
      worker: { nik: `${worker.nik.slice(0, 4)}**********${worker.nik.slice(14)}`, bpjs: null },
    });
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('withholds a field from a whole page with one error, not one per row', async () => {
    const staffOf = (code: string) => world.workers.filter((w) => w.unitCode === code);
    const unitCode = [...new Set(world.workers.map((w) => w.unitCode))].sort(
      (a, b) => staffOf(b).length - staffOf(a).length,
    )[0]!;
    const page = staffOf(unitCode)
      .sort((a, b) => a.nik.localeCompare(b.nik))
      .slice(0, 100);
    expect(page).toHaveLength(100);
    const { status, body } = await supergraph.query(
      savedOperation('UnitStaffWithBpjs'),
      { code: unitCode, first: 100 },
      { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' },
    );
    expect(status).toBe(200);
    type Row = { node: { nik: string; bpjs: { kpj: string; claims: unknown } | null } };
    const rows = (body.data?.unit as { workers: { edges: Row[] } }).workers.edges;
    expect(rows.map((row) => row.node.nik)).toEqual(page.map((w) => w.nik));
    const enrolled = rows.filter((row) => row.node.bpjs !== null);
    expect(enrolled.length).toBeGreaterThan(90);
    expect(enrolled.every((row) => row.node.bpjs!.claims === null)).toBe(true);
    // The error is at the first row BPJS withheld claims from, as the gateway maps `_entities` back.
    const first = rows.indexOf(enrolled[0]!);
    expect(described(body)).toEqual([
      [`unit.workers.edges.${first}.node.bpjs.claims`, 'FORBIDDEN', 'Participant.claims', enrolled.length],
    ]);
    expect(body.errors![0]!.extensions?.serviceName).toBe('bpjs');
  });

  it('writes no personal data to any log line, even for refused and invalid requests', async () => {
    await supergraph.post(JSON.stringify({ query: `{ worker(nik: "${worker.nik}") { name } }` }), {
      as: null,
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    });
    await supergraph.query(`{ worker(nik: "${worker.nik.slice(0, 15)}") { name } }`);
    await supergraph.postToSubgraph(
      'bpjs',
      { query: `{ participant(nik: "${participant.nik}") { name } }` },
      { as: null },
    );
    expect(logLines.length).toBeGreaterThan(0);
    const personal = [worker.nik, worker.name, worker.monthlyWage, participant.nik, participant.name, participant.kpj];
    for (const line of logLines) for (const value of personal) expect(line).not.toContain(String(value));
  });
});
