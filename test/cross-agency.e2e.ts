import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Purpose } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { savedOperation, startSupergraph, type GraphqlResponse, type RunningSupergraph } from './harness';

const world = generateWorld('demo');
const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;
const participantByNik = new Map(world.participants.map((p) => [p.nik, p]));
const workersOf = (unitCode: string) =>
  world.workers.filter((w) => w.unitCode === unitCode).sort((a, b) => a.nik.localeCompare(b.nik));
const busiestUnit = [...new Set(world.workers.map((w) => w.unitCode))]
  .map((code) => ({ code, headcount: workersOf(code).length }))
  .sort((a, b) => b.headcount - a.headcount || a.code.localeCompare(b.code))[0]!;
const sum = (amounts: string[]) => amounts.reduce((total, amount) => total + BigInt(amount), 0n).toString();

let supergraph: RunningSupergraph;
beforeAll(async () => {
  supergraph = await startSupergraph();
});
afterAll(() => supergraph?.stop());

describe('one query across both agencies', () => {
  it('walks Unit → workers → bpjs → enrollments and claims', async () => {
    // No purpose opens a wage and a claim amount together; enrolment opens everything else.
    const page = (purpose: Purpose) =>
      supergraph.query(savedOperation('UnitStaffWithBpjs'), { code: busiestUnit.code, first: 5 }, { purpose });
    const { status, body } = await page('ENROLMENT');
    expect(status).toBe(200);
    const withheld = new Set(
      body.errors?.map(
        (error) => `${error.extensions?.code} ${error.path?.filter((p) => typeof p === 'string').join('.')}`,
      ),
    );
    const anyClaims = workersOf(busiestUnit.code)
      .slice(0, 5)
      .some((worker) => world.claims.some((claim) => claim.kpj === participantByNik.get(worker.nik)?.kpj));
    expect(withheld).toEqual(
      new Set([
        'FORBIDDEN unit.workers.edges.node.monthlyWage',
        ...(anyClaims ? ['FORBIDDEN unit.workers.edges.node.bpjs.claims.amount'] : []),
      ]),
    );
    const nodesOf = (answer: typeof body) =>
      (answer.data?.unit as { workers: { edges: { node: Record<string, unknown> }[] } }).workers.edges.map(
        (edge) => edge.node as { monthlyWage: string | null; bpjs: { claims: { amount: string | null }[] } | null },
      );
    const wages = nodesOf((await page('HR_ADMINISTRATION')).body).map((node) => node.monthlyWage);
    const amounts = nodesOf((await page('CLAIM_VERIFICATION')).body).map((node) =>
      node.bpjs?.claims.map((claim) => claim.amount),
    );
    const expectedWorkers = workersOf(busiestUnit.code);
    const unit = body.data?.unit as {
      headcount: number;
      workers: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: Record<string, unknown> }[] };
    };
    expect(unit.headcount).toBe(busiestUnit.headcount);
    expect(unit.workers.totalCount).toBe(expectedWorkers.length);
    expect(unit.workers.pageInfo.hasNextPage).toBe(expectedWorkers.length > 5);
    expect(unit.workers.edges.map((edge) => edge.node)).toEqual(
      expectedWorkers.slice(0, 5).map((worker) => {
        const participant = participantByNik.get(worker.nik);
        return {
          nik: worker.nik,
          name: worker.name,
          category: worker.category,
          contractStart: worker.contractStart,
          monthlyWage: null,
          bpjs: participant
            ? {
                kpj: participant.kpj,
                segment: participant.segment,
                enrollments: world.enrollments
                  .filter((e) => e.kpj === participant.kpj)
                  .sort((a, b) => a.since.localeCompare(b.since) || a.program.localeCompare(b.program))
                  .map(({ program, since, until }) => ({ program, since, until })),
                claims: world.claims
                  .filter((c) => c.kpj === participant.kpj)
                  .sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.id.localeCompare(b.id))
                  .map(({ id, program, filedOn, status: claimStatus }) => ({
                    id,
                    program,
                    filedOn,
                    status: claimStatus,
                    amount: null,
                  })),
              }
            : null,
        };
      }),
    );
    const expected = workersOf(busiestUnit.code).slice(0, 5);
    expect(wages).toEqual(expected.map((worker) => worker.monthlyWage));
    expect(amounts).toEqual(
      expected.map((worker) => {
        const participant = participantByNik.get(worker.nik);
        return participant
          ? world.claims
              .filter((c) => c.kpj === participant.kpj)
              .sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.id.localeCompare(b.id))
              .map((claim) => claim.amount)
          : undefined;
      }),
    );
  });

  it('finds a worker by NIK and their BPJS enrolment', async () => {
    const worker = world.workers.find((w) => w.category === 'PKP' && participantByNik.has(w.nik))!;
    const participant = participantByNik.get(worker.nik)!;
    const { body } = await supergraph.query(savedOperation('WorkerEnrolment'), { nik: worker.nik });
    expect(body.errors).toBeUndefined();
    expect(body.data?.worker).toMatchObject({
      nik: worker.nik,
      category: 'PKP',
      unit: { code: worker.unitCode },
      bpjs: {
        kpj: participant.kpj,
        segment: 'BPU',
        enrollments: [
          { program: 'JKK', since: '2016-03-01', until: null },
          { program: 'JKM', since: '2016-03-01', until: null },
          { program: 'JHT', since: '2017-01-01', until: null },
        ],
      },
    });
  });

  it('answers bpjs: null, without an error, for a worker whose registration is pending', async () => {
    const pending = world.workers.find((w) => !participantByNik.has(w.nik));
    expect(pending, 'the demo world has workers awaiting registration').toBeDefined();
    const { body } = await supergraph.query(savedOperation('WorkerEnrolment'), { nik: pending!.nik });
    expect(body.errors).toBeUndefined();
    expect(body.data?.worker).toMatchObject({ nik: pending!.nik, bpjs: null });
  });

  it("computes a unit's BPJS coverage from BPJS's own records", async () => {
    const registered = world.participants.filter((p) => p.registrarUnitCode === busiestUnit.code);
    const kpjs = new Set(registered.map((p) => p.kpj));
    const claims = world.claims.filter((c) => kpjs.has(c.kpj));
    const today = new Date().toISOString().slice(0, 10);
    const active = world.enrollments.filter(
      (e) => kpjs.has(e.kpj) && e.since <= today && (e.until === null || e.until >= today),
    );
    const enrolledIn = (program?: string) =>
      new Set(active.filter((e) => !program || e.program === program).map((e) => e.kpj)).size;
    const { body } = await supergraph.query(savedOperation('UnitCoverage'), { code: busiestUnit.code });
    expect(body.errors).toBeUndefined();
    expect(registered.length).toBeGreaterThan(0);
    expect((body.data?.unit as Record<string, unknown>).bpjsCoverage).toEqual({
      enrolled: enrolledIn(),
      byProgram: PROGRAMS.map((program) => ({ program, enrolled: enrolledIn(program) })),
      claims: { count: claims.length, amount: sum(claims.map((c) => c.amount)) },
    });
  });
});

describe('aggregates', () => {
  it("claimStatistics counts and sums DKI's 2016 claims by programme", async () => {
    const claims2016 = world.claims.filter(
      (c) => c.filedOn.startsWith('2016-') && (c.regionCode === '31' || c.regionCode.startsWith('31.')),
    );
    const { body } = await supergraph.query(savedOperation('ClaimsByProgram'), { year: 2016, regionCode: '31' });
    expect(body.errors).toBeUndefined();
    expect(body.data?.claimStatistics).toEqual({
      year: 2016,
      regionCode: '31',
      count: claims2016.length,
      amount: sum(claims2016.map((c) => c.amount)),
      byProgram: PROGRAMS.map((program) => {
        const of = claims2016.filter((c) => c.program === program);
        return { program, count: of.length, amount: sum(of.map((c) => c.amount)) };
      }),
    });
    expect(claims2016.length).toBeGreaterThan(100);
  });

  it('workforceStatistics counts units and workers by category', async () => {
    const { body } = await supergraph.query(savedOperation('WorkforceByCategory'));
    expect(body.errors).toBeUndefined();
    expect(body.data?.workforceStatistics).toEqual({
      unitCount: world.units.length,
      workerCount: world.workers.length,
      byCategory: (['PKP', 'PPSU', 'KEBERSIHAN'] as const).map((category) => ({
        category,
        count: world.workers.filter((w) => w.category === category).length,
      })),
      byUnitKind: (['SKPD', 'UKPD'] as const).map((kind) => ({
        kind,
        count: world.units.filter((u) => u.kind === kind).length,
      })),
    });
  });
});

describe('pagination', () => {
  it('pages through the whole unit directory to its end, each unit once, in code order', async () => {
    type UnitPage = {
      units: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { code: string } }[];
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const response: GraphqlResponse<UnitPage> = await supergraph.query<UnitPage>(savedOperation('UnitDirectory'), {
        first: 7,
        after,
      });
      expect(response.body.errors).toBeUndefined();
      const units: UnitPage['units'] = response.body.data!.units;
      expect(units.totalCount).toBe(world.units.length);
      seen.push(...units.edges.map((edge) => edge.node.code));
      if (!units.pageInfo.hasNextPage) break;
      after = units.pageInfo.endCursor;
    }
    expect(seen).toEqual(world.units.map((u) => u.code).sort());
  });

  it("pages through a unit's workers to the end", async () => {
    type WorkerPage = {
      unit: { workers: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { nik: string } }[] } };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const response: GraphqlResponse<WorkerPage> = await supergraph.query<WorkerPage>(
        `query ($code: ID!, $after: String) { unit(code: $code) { workers(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { nik } } } } }`,
        { code: busiestUnit.code, after },
      );
      expect(response.body.errors).toBeUndefined();
      const workers: WorkerPage['unit']['workers'] = response.body.data!.unit.workers;
      seen.push(...workers.edges.map((edge) => edge.node.nik));
      if (!workers.pageInfo.hasNextPage) break;
      after = workers.pageInfo.endCursor;
    }
    expect(seen).toEqual(workersOf(busiestUnit.code).map((w) => w.nik));
  });

  it('filters the units under a parent and the workers of a category', async () => {
    const parent = world.units.find((u) => world.units.some((child) => child.parentCode === u.code))!;
    const { body } = await supergraph.query<{ units: { edges: { node: { code: string } }[] } }>(
      savedOperation('UnitDirectory'),
      { parentCode: parent.code, first: 100 },
    );
    expect(body.data!.units.edges.map((edge) => edge.node.code)).toEqual(
      world.units
        .filter((u) => u.parentCode === parent.code)
        .map((u) => u.code)
        .sort(),
    );
    const ppsu = await supergraph.query<{ workers: { totalCount: number } }>(
      `{ workers(category: PPSU, first: 0) { totalCount } }`,
    );
    expect(ppsu.body.data!.workers.totalCount).toBe(world.workers.filter((w) => w.category === 'PPSU').length);
  });
});
