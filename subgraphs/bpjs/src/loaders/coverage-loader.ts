import DataLoader from 'dataloader';
import { manyByKey, oneByKey, type Database } from '@jembatan/kit';
import { Program, type UnitCoverage } from '../types';

interface EnrolledRow {
  code: string;
  program: Program | 'ANY';
  enrolled: number;
}

interface ClaimRow {
  code: string;
  count: number;
  amount: string;
}

/**
 * Coverage of many units in two statements. Enrolment counts come from the coverage changes
 * (summaries/unit-coverage-changes.ts): the sum of a unit's changes up to today, per programme and
 * ANY for the participants as a whole.
 */
export function createCoverageLoader(database: Database) {
  return new DataLoader<string, UnitCoverage>(async (codes) => {
    const [enrolled, claims] = await Promise.all([
      database.dataSource.query<EnrolledRow[]>(
        `SELECT registrar_unit_code AS code, program, sum(delta)::int AS enrolled
           FROM unit_coverage_change
          WHERE registrar_unit_code = ANY($1) AND day <= current_date
          GROUP BY registrar_unit_code, program`,
        [codes],
      ),
      database.dataSource.query<ClaimRow[]>(
        `SELECT p.registrar_unit_code AS code, count(*)::int AS count, sum(c.amount)::text AS amount
           FROM claim c JOIN participant p ON p.kpj = c.kpj
          WHERE p.registrar_unit_code = ANY($1)
          GROUP BY p.registrar_unit_code`,
        [codes],
      ),
    ]);
    const enrolledByUnit = manyByKey(codes, enrolled, (row) => row.code);
    const claimsByUnit = oneByKey(codes, claims, (row) => row.code);
    return codes.map((_, index) => {
      const rows = enrolledByUnit[index] ?? [];
      return {
        enrolled: rows.find((row) => row.program === 'ANY')?.enrolled ?? 0,
        byProgram: Object.values(Program).map((program) => ({
          program,
          enrolled: rows.find((row) => row.program === program)?.enrolled ?? 0,
        })),
        claims: { count: claimsByUnit[index]?.count ?? 0, amount: claimsByUnit[index]?.amount ?? '0' },
      };
    });
  });
}
