import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '@jembatan/seed-world';
import { callerWith, savedOperation, startSupergraph, type RunningSupergraph, type SendAs } from './harness';

const world = generateWorld('demo');
const QUERY = `query ($code: ID!, $first: Int!) {
  unit(code: $code) {
    workers(first: $first) {
      edges { node { name bpjs { kpj enrollments { program } claims { amount } } } }
    }
  }
}`;

let supergraph: RunningSupergraph;
beforeAll(async () => {
  supergraph = await startSupergraph();
});
afterAll(() => supergraph?.stop());

/** SQL statements each subgraph ran for one query through the gateway. */
async function statementsFor(code: string, first: number) {
  const before = {
    workforce: supergraph.workforce.database.statements.count,
    bpjs: supergraph.bpjs.database.statements.count,
  };
  const { body } = await supergraph.query<{ unit: { workers: { edges: unknown[] } } }>(QUERY, { code, first });
  expect(body.errors).toBeUndefined();
  return {
    rows: body.data!.unit.workers.edges.length,
    workforce: supergraph.workforce.database.statements.count - before.workforce,
    bpjs: supergraph.bpjs.database.statements.count - before.bpjs,
  };
}

describe('no N+1', () => {
  it('runs the same number of SQL statements per subgraph for 10 and for 100 workers', async () => {
    const counts = new Map<string, number>();
    for (const worker of world.workers) counts.set(worker.unitCode, (counts.get(worker.unitCode) ?? 0) + 1);
    const code = [...counts].find(([, headcount]) => headcount >= 100)?.[0];
    expect(code, 'the demo world has a unit with at least 100 workers').toBeDefined();

    const ten = await statementsFor(code!, 10);
    const hundred = await statementsFor(code!, 100);
    expect(ten.rows).toBe(10);
    expect(hundred.rows).toBe(100);
    // workforce: the unit, then one page of its workers; bpjs: participants by NIK, then their
    // enrolments and their claims, each one `= ANY($1)` statement for the whole batch. Each
    // subgraph then appends one audit record for the whole request, however many people it read.
    expect(ten).toEqual({ rows: 10, workforce: 2 + 1, bpjs: 3 + 1 });
    expect(hundred).toEqual({ rows: 100, workforce: 2 + 1, bpjs: 3 + 1 });
  });
});

/** The SQL each subgraph sent for one operation through the gateway, in order. */
async function statementsOf(query: string, variables: Record<string, unknown>, sendAs: SendAs) {
  const before = {
    workforce: supergraph.workforce.database.statements.count,
    bpjs: supergraph.bpjs.database.statements.count,
  };
  const { body } = await supergraph.query(query, variables, sendAs);
  const sent = (subgraph: 'workforce' | 'bpjs') => {
    const { statements } = supergraph[subgraph].database;
    return statements.lastStatements.slice(statements.lastStatements.length - (statements.count - before[subgraph]));
  };
  return { body, workforce: sent('workforce'), bpjs: sent('bpjs') };
}

/** Which table each statement reads or writes: enough to tell what it was for. */
const tablesOf = (statements: readonly string[]) =>
  statements.map((statement) => /\b(?:FROM|INTO)\s+"?(\w+)"?/i.exec(statement)?.[1]);

describe('the published pages', () => {
  // As the benchmark's heavy and light scenarios send them: HR staff, who are not shown claims.
  const hr: SendAs = { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' };

  it('UnitStaffWithBpjs (first 100) reads each entity type once, and counts the unit once for headcount and totalCount', async () => {
    const counts = new Map<string, number>();
    for (const worker of world.workers) counts.set(worker.unitCode, (counts.get(worker.unitCode) ?? 0) + 1);
    const [code, headcount] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(headcount).toBeGreaterThan(100);

    const sent = await statementsOf(savedOperation('UnitStaffWithBpjs'), { code, first: 100 }, hr);
    const unit = (sent.body.data as { unit: { headcount: number; workers: { totalCount: number } } }).unit;
    expect(unit.headcount).toBe(headcount);
    expect(unit.workers.totalCount).toBe(headcount);
    // workforce: the unit, its worker counts (one summary read for both numbers), the page; bpjs:
    // the participants, their enrolments. Each then appends the request's one audit record.
    expect(tablesOf(sent.workforce)).toEqual(['unit', 'unit_worker_count', 'unnest', 'audit_log']);
    expect(tablesOf(sent.bpjs)).toEqual(['participant', 'enrollment', 'audit_log']);
    expect(sent.workforce.filter((statement) => /count\(\*\)/i.test(statement))).toEqual([]);
  });

  it('WorkerEnrolment reads the worker, their unit, the participant and their enrolments, one statement each', async () => {
    const sent = await statementsOf(savedOperation('WorkerEnrolment'), { nik: world.workers[5]!.nik }, hr);
    expect(sent.body.errors).toBeUndefined();
    expect(tablesOf(sent.workforce)).toEqual(['worker', 'unit', 'audit_log']);
    expect(tablesOf(sent.bpjs)).toEqual(['participant', 'enrollment', 'audit_log']);
  });
});

/** Calls a subgraph directly, as the gateway does for `_entities`. */
async function entities(subgraph: 'workforce' | 'bpjs', representations: Record<string, string>[], selection: string) {
  const { body } = await supergraph.postToSubgraph<{ _entities: unknown[] }>(subgraph, {
    query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
    variables: { representations },
  });
  return body;
}

describe('_entities', () => {
  it('resolves 1,000 Worker representations in BPJS with one SQL statement', async () => {
    const representations = world.workers.slice(0, 1000).map((w) => ({ __typename: 'Worker', nik: w.nik }));
    const before = supergraph.bpjs.database.statements.count;
    const body = await entities('bpjs', representations, '... on Worker { nik bpjs { kpj } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toHaveLength(1000);
    // The participants, then the one audit record of the request.
    expect(supergraph.bpjs.database.statements.count - before).toBe(1 + 1);
  });

  it('resolves a mix of Unit and Worker representations in workforce with one statement per type', async () => {
    const representations = [
      ...world.workers.slice(0, 500).map((w) => ({ __typename: 'Worker', nik: w.nik })),
      ...world.units.map((u) => ({ __typename: 'Unit', code: u.code })),
    ];
    const before = supergraph.workforce.database.statements.count;
    const body = await entities('workforce', representations, '... on Worker { fullName: name } ... on Unit { name }');
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toHaveLength(representations.length);
    // Workers, units, then the one audit record of the request.
    expect(supergraph.workforce.database.statements.count - before).toBe(2 + 1);
  });
});
