import type { Database } from '@jembatan/kit';
import { Program, type ClaimStatistics } from '../types';

/**
 * Claims filed in a year, optionally within a Kemendagri region ("31" covers "31.74"), summed from
 * the claim totals the claim triggers keep (summaries/claim-totals.ts): a few rows, not every claim.
 */
export async function claimStatistics(
  database: Database,
  year: number,
  regionCode: string | null,
): Promise<ClaimStatistics> {
  const rows = await database.dataSource.query<{ program: Program; count: number; amount: string }[]>(
    `SELECT program, sum(claims)::int AS count, sum(amount)::text AS amount
       FROM claim_total
      WHERE year = $1 AND ($2::text IS NULL OR region_code = $2 OR region_code LIKE $2 || '.%')
      GROUP BY program`,
    [year, regionCode],
  );
  const byProgram = Object.values(Program).map((program) => {
    const row = rows.find((candidate) => candidate.program === program);
    return { program, count: row?.count ?? 0, amount: row?.amount ?? '0' };
  });
  return {
    year,
    regionCode,
    count: byProgram.reduce((sum, row) => sum + row.count, 0),
    // BigInt: the total of Rupiah amounts passes 2^53 at national scale.
    amount: byProgram.reduce((sum, row) => sum + BigInt(row.amount), 0n).toString(),
    byProgram,
  };
}
