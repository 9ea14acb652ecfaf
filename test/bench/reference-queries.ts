import { randomUUID } from 'node:crypto';
import { createCursorSeal, loadCursorKeys, PagePosition } from '@jembatan/kit';
import type { GraphqlResponse, RunningSupergraph } from '../harness/supergraph';
import { callerWith, STAFF_OF_BOTH_AGENCIES } from '../harness/test-identity';

export interface ReferenceQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The query whose latency this one is compared with, measured in the same run. */
  baseline: string;
}

interface UnitPage {
  edges: { node: { code: string; headcount: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}

const UNIT_HEADCOUNTS = `query($after: String) {
  units(first: 100, after: $after) { edges { node { code headcount } } pageInfo { hasNextPage endCursor } }
}`;

interface Landmarks {
  largestUnit: string;
  /** The cursor after which a page starts 200,000 rows into the PKP connection, sealed for the benchmark's caller. */
  deepCursor: string;
  someNik: string;
}

/** What the gateway forwards with each fetch of the heavy HR page: dki_hr for HR_ADMINISTRATION. */
export const heavyPageForwarding = () => ({
  caller: callerWith('dki_hr'),
  purpose: 'HR_ADMINISTRATION' as const,
  requestId: randomUUID(),
  operationName: 'UnitStaffWithBpjs',
  dataSubject: null,
});

/** The unit with the most workers among the first 100 (all of the demo's): where the heavy page is fullest. */
export async function largestUnitCode(supergraph: RunningSupergraph): Promise<string> {
  const { body } = await supergraph.query<{ units: { edges: { node: { code: string; headcount: number } }[] } }>(
    '{ units(first: 100) { edges { node { code headcount } } } }',
  );
  return body.data!.units.edges.map((edge) => edge.node).sort((a, b) => b.headcount - a.headcount)[0]!.code;
}

/** Finds the largest unit, a NIK deep in the PKP list and a participant's NIK, through the gateway. */
export async function findLandmarks(supergraph: RunningSupergraph, deepPosition: number): Promise<Landmarks> {
  const units: { code: string; headcount: number }[] = [];
  let after: string | null = null;
  do {
    const response: GraphqlResponse<{ units: UnitPage }> = await supergraph.query(UNIT_HEADCOUNTS, { after });
    const page = response.body.data!.units;
    units.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  const largestUnit = units.sort((a, b) => b.headcount - a.headcount)[0]!.code;
  // Setup only, straight from the registry's database: the benchmark itself pages by keyset.
  const [deep] = await supergraph.workforce.database.dataSource.query(
    `SELECT nik FROM worker WHERE category = 'PKP' ORDER BY nik OFFSET $1 LIMIT 1`,
    [deepPosition],
  );
  const [some] = await supergraph.bpjs.database.dataSource.query(
    `SELECT nik FROM participant ORDER BY kpj OFFSET $1 LIMIT 1`,
    [Math.floor(deepPosition / 2)],
  );
  // A hand-made cursor is refused, so it is sealed with the registry's own key, as the registry would.
  const seal = createCursorSeal(loadCursorKeys({ jwks: supergraph.cursorKeys.workforce! }));
  const deepCursor = seal.seal(
    { connection: 'WorkerConnection', caller: STAFF_OF_BOTH_AGENCIES.subject },
    new PagePosition(deep.nik),
  );
  return { largestUnit, deepCursor, someNik: some.nik };
}

const PAGE = `query($after: String) {
  workers(category: PKP, first: 100, after: $after) { edges { node { nik name unit { code } } } pageInfo { endCursor } }
}`;

/** The reference queries, each with the baseline it is judged against. */
export function referenceQueries(landmarks: Landmarks): ReferenceQuery[] {
  return [
    { name: 'gateway round trip { __typename }', query: '{ __typename }', baseline: '' },
    {
      name: 'claimStatistics(2016, DKI "31")',
      query: `{ claimStatistics(year: 2016, regionCode: "31") { count amount byProgram { program count amount } } }`,
      baseline: 'gateway round trip { __typename }',
    },
    {
      name: 'claimStatistics(2016, national)',
      query: `{ claimStatistics(year: 2016) { count amount byProgram { program count amount } } }`,
      baseline: 'gateway round trip { __typename }',
    },
    {
      name: 'participationStatistics(national)',
      query: `{ participationStatistics { activeParticipants employers bySegment { segment activeParticipants } } }`,
      baseline: 'gateway round trip { __typename }',
    },
    {
      name: 'workforceStatistics',
      query: `{ workforceStatistics { unitCount workerCount byCategory { category count } byUnitKind { kind count } } }`,
      baseline: 'gateway round trip { __typename }',
    },
    {
      name: `unit(${landmarks.largestUnit}) { headcount bpjsCoverage }`,
      query: `query($code: ID!) { unit(code: $code) { headcount bpjsCoverage { enrolled byProgram { program enrolled } claims { count amount } } } }`,
      variables: { code: landmarks.largestUnit },
      baseline: 'gateway round trip { __typename }',
    },
    {
      name: 'PKP workers, first 100-row page',
      query: PAGE,
      variables: { after: null },
      baseline: 'gateway round trip { __typename }',
    },
    {
      name: 'PKP workers, 100-row page 200,000 rows deep',
      query: PAGE,
      variables: { after: landmarks.deepCursor },
      baseline: 'PKP workers, first 100-row page',
    },
    {
      name: 'participant(nik:) with enrolments',
      query: `query($nik: String!) { participant(nik: $nik) { kpj name segment enrollments { program since until } claims { id amount } } }`,
      variables: { nik: landmarks.someNik },
      baseline: 'gateway round trip { __typename }',
    },
  ];
}
