import DataLoader from 'dataloader';
import { manyByKey, oneByKey, type Database } from '@jembatan/kit';
import { Program, type UnitCoverage } from '../types';

interface EnrolledRow {
  code: string;
  program: Program | null;
  enrolled: number;
}

interface ClaimRow {
  code: string;
  count: number;
  amount: string;
}

/**
 * Coverage of many units in two GROUP BY statements. GROUPING SETS yields, per unit, one row
 * per programme and one total row (program NULL) counting each participant once.
 */
export function createCoverageLoader(database: Database) {
  return new DataLoader<string, UnitCoverage>(async (codes) => {
    const [enrolled, claims] = await Promise.all([
      database.dataSource.query<EnrolledRow[]>(
        `SELECT p.registrar_unit_code AS code, e.program, count(DISTINCT p.kpj)::int AS enrolled
           FROM participant p
           JOIN enrollment e ON e.kpj = p.kpj
          WHERE p.registrar_unit_code = ANY($1)
            AND e.since <= current_date AND (e.until IS NULL OR e.until >= current_date)
          GROUP BY GROUPING SETS ((p.registrar_unit_code, e.program), (p.registrar_unit_code))`,
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
        enrolled: rows.find((row) => row.program === null)?.enrolled ?? 0,
        byProgram: Object.values(Program).map((program) => ({
          program,
          enrolled: rows.find((row) => row.program === program)?.enrolled ?? 0,
        })),
        claims: { count: claimsByUnit[index]?.count ?? 0, amount: claimsByUnit[index]?.amount ?? '0' },
      };
    });
  });
}
