import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPresetDatabases, startSupergraph, type PresetDatabases, type RunningSupergraph } from './harness';

/**
 * The article's Jakarta at full size, loaded fresh and asked through the gateway the way an
 * analyst checking our figures against the story would (medcom.id, 16 March 2016).
 */
let databases: PresetDatabases;
let supergraph: RunningSupergraph;

beforeAll(async () => {
  databases = await seedPresetDatabases('dki2016');
  supergraph = await startSupergraph({ databases });
}, 240_000);

afterAll(async () => {
  await supergraph?.stop();
  await databases?.drop();
});

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { status, body } = await supergraph.query<T>(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
}

interface CoveredUnit {
  code: string;
  headcount: number;
  pkp: { totalCount: number };
  bpjsCoverage: { enrolled: number; byProgram: { program: string; enrolled: number }[] };
}

const UNIT_PAGE = `
  query UnitPage($after: String) {
    units(first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        code headcount
        pkp: workers(category: PKP) { totalCount }
        bpjsCoverage { enrolled byProgram { program enrolled } }
      } }
    }
  }`;

describe('dki2016 through the gateway', () => {
  it('has 300 units and the workforce the article counts', async () => {
    const result = await data<{
      workforceStatistics: {
        unitCount: number;
        workerCount: number;
        byCategory: { category: string; count: number }[];
      };
      units: { totalCount: number };
      skpd: { totalCount: number };
      ukpd: { totalCount: number };
    }>(`{
      workforceStatistics { unitCount workerCount byCategory { category count } }
      units(first: 1) { totalCount }
      skpd: units(kind: SKPD, first: 1) { totalCount }
      ukpd: units(kind: UKPD, first: 1) { totalCount }
    }`);
    expect(result.workforceStatistics).toEqual({
      unitCount: 300,
      workerCount: 281_526,
      byCategory: [
        { category: 'PKP', count: 250_000 },
        { category: 'PPSU', count: 18_000 },
        { category: 'KEBERSIHAN', count: 13_526 },
      ],
    });
    expect(result.units.totalCount).toBe(300);
    expect(result.skpd.totalCount + result.ukpd.totalCount).toBe(300);
  });

  it('answers DKI’s 2016 claims exactly: 35,452 claims, Rp504 bn, JHT 34,685 for Rp490.2 bn', async () => {
    const { claimStatistics } = await data<{
      claimStatistics: {
        count: number;
        amount: string;
        byProgram: { program: string; count: number; amount: string }[];
      };
    }>(`{ claimStatistics(year: 2016, regionCode: "31") { count amount byProgram { program count amount } } }`);
    expect(claimStatistics.count).toBe(35_452);
    expect(claimStatistics.amount).toBe('504000000000');
    const byProgram = Object.fromEntries(claimStatistics.byProgram.map((p) => [p.program, p]));
    expect(byProgram.JHT).toEqual({ program: 'JHT', count: 34_685, amount: '490200000000' });
    expect(byProgram.JKM).toEqual({ program: 'JKM', count: 239, amount: String(239 * 24_000_000) });
    expect(byProgram.JKK?.count).toBe(474);
    expect(byProgram.JP?.count).toBe(54);
    expect(BigInt(byProgram.JKK!.amount) + BigInt(byProgram.JP!.amount)).toBe(
      504_000_000_000n - 490_200_000_000n - 239n * 24_000_000n,
    );
    expect(byProgram.JKP).toEqual({ program: 'JKP', count: 0, amount: '0' });
  });

  it('shows every worker of every unit covered: JKK and JKM for all, JHT for the PKP', async () => {
    const units: CoveredUnit[] = [];
    let after: string | null = null;
    do {
      const {
        units: page,
      }: { units: { edges: { node: CoveredUnit }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await data(UNIT_PAGE, { after });
      units.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);

    expect(units).toHaveLength(300);
    const uncovered = units.filter((unit) => {
      const enrolled = Object.fromEntries(unit.bpjsCoverage.byProgram.map((p) => [p.program, p.enrolled]));
      return (
        unit.bpjsCoverage.enrolled !== unit.headcount ||
        enrolled.JKK !== unit.headcount ||
        enrolled.JKM !== unit.headcount ||
        enrolled.JHT !== unit.pkp.totalCount ||
        enrolled.JP !== 0 ||
        enrolled.JKP !== 0
      );
    });
    expect(uncovered).toEqual([]);
    const total = (pick: (unit: CoveredUnit) => number) => units.reduce((sum, unit) => sum + pick(unit), 0);
    expect(total((unit) => unit.bpjsCoverage.enrolled)).toBe(281_526);
    expect(total((unit) => unit.pkp.totalCount)).toBe(250_000);
  });
});
