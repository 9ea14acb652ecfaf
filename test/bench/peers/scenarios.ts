import { Client } from 'pg';
import type { BenchCaller } from './bench-keys';
import type { BenchDatabases, SystemName } from './systems';

/** What the scenarios draw their variables from, read once from the workforce database. */
export interface BenchData {
  /** Every unit, in code order. */
  unitCodes: string[];
  /** The unit with the most workers. */
  largestUnit: string;
  /** 20,000 distinct workers' NIKs, spread over the registry. */
  niks: string[];
}

export interface Scenario {
  name: string;
  title: string;
  operation: string;
  caller: BenchCaller;
  /** The request bodies' variables, sent in turn; one entry when every request is identical. */
  variables(data: BenchData): Record<string, unknown>[];
  /** GraphQL error codes that are part of the answer (fields the caller's policy withholds). */
  expectedErrorCodes: string[];
  systems: readonly SystemName[];
}

const HR_ADMINISTRATOR: BenchCaller = { subject: 'bench-dki-hr', roles: ['dki_hr'], purpose: 'HR_ADMINISTRATION' };
const ENROLMENT_CLERK: BenchCaller = { subject: 'bench-dki-enrolment', roles: ['dki_hr'], purpose: 'ENROLMENT' };
const ANALYST: BenchCaller = { subject: 'bench-analyst', roles: ['analyst'], purpose: 'STATISTICS' };

const PEERS_AND_FLOOR: readonly SystemName[] = ['J', 'A', 'H', 'SQL', 'SQL+audit'];
const WITH_CACHE: readonly SystemName[] = ['J', 'J+cache', 'A', 'H', 'SQL'];

/** The table, row by row. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'heavy',
    title: 'UnitStaffWithBpjs first 100, distinct units, as dki_hr (claims withheld)',
    operation: 'UnitStaffWithBpjs',
    caller: HR_ADMINISTRATOR,
    variables: (data) => data.unitCodes.map((code) => ({ code, first: 100 })),
    expectedErrorCodes: ['FORBIDDEN'],
    systems: PEERS_AND_FLOOR,
  },
  {
    name: 'light',
    title: 'WorkerEnrolment, 20,000 distinct NIKs, as dki_hr for ENROLMENT',
    operation: 'WorkerEnrolment',
    caller: ENROLMENT_CLERK,
    variables: (data) => data.niks.map((nik) => ({ nik })),
    expectedErrorCodes: [],
    systems: PEERS_AND_FLOOR,
  },
  {
    name: 'claims',
    title: 'ClaimsByProgram, identical requests',
    operation: 'ClaimsByProgram',
    caller: ANALYST,
    variables: () => [{}],
    expectedErrorCodes: [],
    systems: WITH_CACHE,
  },
  {
    name: 'statistics',
    title: 'WorkforceByCategory (workforceStatistics), identical requests',
    operation: 'WorkforceByCategory',
    caller: ANALYST,
    variables: () => [{}],
    expectedErrorCodes: [],
    systems: WITH_CACHE,
  },
  {
    name: 'heavy-one-unit',
    title: 'UnitStaffWithBpjs first 100, the largest unit for every request, as dki_hr',
    operation: 'UnitStaffWithBpjs',
    caller: HR_ADMINISTRATOR,
    variables: (data) => [{ code: data.largestUnit, first: 100 }],
    expectedErrorCodes: ['FORBIDDEN'],
    systems: PEERS_AND_FLOOR,
  },
];

const DISTINCT_NIKS = 20_000;

export async function readBenchData(databases: BenchDatabases): Promise<BenchData> {
  const client = new Client({ connectionString: databases.workforce });
  await client.connect();
  try {
    const units = await client.query<{ code: string; workers: number }>(
      `SELECT u.code, count(w.nik)::int AS workers FROM unit u LEFT JOIN worker w ON w.unit_code = u.code
        GROUP BY u.code ORDER BY u.code`,
    );
    // Every n-th worker in NIK order: spread over regions, units and categories, the same every run.
    const niks = await client.query<{ nik: string }>(
      `SELECT nik FROM (SELECT nik, row_number() OVER (ORDER BY nik) AS n, count(*) OVER () AS total FROM worker) w
        WHERE n % greatest(total / $1, 1) = 0 ORDER BY nik LIMIT $1`,
      [DISTINCT_NIKS],
    );
    const largest = units.rows.reduce((best, unit) => (unit.workers > best.workers ? unit : best));
    return {
      unitCodes: units.rows.map((unit) => unit.code),
      largestUnit: largest.code,
      niks: niks.rows.map((row) => row.nik),
    };
  } finally {
    await client.end();
  }
}
