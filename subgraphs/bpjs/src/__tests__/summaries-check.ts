import type { Database } from '@jembatan/kit';
import { CLAIM_TOTALS } from '../summaries/claim-totals';
import { refreshCoverageSummaries } from '../summaries/refresh-coverage-summaries';

const UNIT_SUMMARY = `SELECT registrar_unit_code, program, day::text, delta FROM unit_coverage_change ORDER BY 1, 2, 3`;
const PARTICIPATION = `SELECT regency_code, segment, active_participants FROM participation_summary ORDER BY 1, 2`;
const CLAIM_SUMMARY = `SELECT year, region_code, program, claims, amount::text FROM ${CLAIM_TOTALS.summary}
                        WHERE claims <> 0 OR amount <> 0 ORDER BY 1, 2, 3`;
const CLAIMS_COUNTED = `SELECT extract(year FROM filed_on)::int AS year, region_code, program, count(*)::int AS claims,
                               sum(amount)::text AS amount FROM claim GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

class RolledBack extends Error {
  constructor(readonly expected: unknown) {
    super('roll back');
  }
}

/** The ledger's summaries as they are kept: unit coverage, participation, claim totals. */
export async function keptSummaries(database: Database) {
  const sql = (text: string) => database.dataSource.query(text);
  return [await sql(UNIT_SUMMARY), await sql(PARTICIPATION), await sql(CLAIM_SUMMARY)];
}

/** The same, computed from every row as the seed would, in a transaction rolled back after. */
export async function recomputedSummaries(database: Database) {
  try {
    await database.dataSource.transaction(async (manager) => {
      await refreshCoverageSummaries({ query: (text, parameters) => manager.query(text, parameters as unknown[]) });
      throw new RolledBack([
        await manager.query(UNIT_SUMMARY),
        await manager.query(PARTICIPATION),
        await manager.query(CLAIMS_COUNTED),
      ]);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.expected;
    throw error;
  }
  throw new Error('unreachable');
}
