import type { SeedSql } from '@jembatan/kit';
import { participationSummaryStep } from '../seed/participation-summary';
import { REFRESH_UNIT_COVERAGE_CHANGES } from './unit-coverage-changes';

/**
 * Recounts the coverage summaries (per unit and day, per regency and segment) from every row,
 * as the seed makes them: after rows were changed by hand, which the writes never need.
 */
export async function refreshCoverageSummaries(sql: Pick<SeedSql, 'query'>): Promise<void> {
  await sql.query('DELETE FROM unit_coverage_change');
  await sql.query(REFRESH_UNIT_COVERAGE_CHANGES);
  await participationSummaryStep(0).run({
    query: (text, parameters) => sql.query(text, parameters),
    copyCsv: () => Promise.reject(new Error('a summary refresh copies no rows')),
  });
}
