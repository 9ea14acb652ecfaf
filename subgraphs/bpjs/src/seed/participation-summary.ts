import type { SeedStep } from '@jembatan/kit';

/**
 * Refreshes the headline counts `participationStatistics` sums: active participants per regency
 * (of their NIK) and segment, employers per regency. Counting 19 million participants live takes
 * seconds; the summaries hold a few thousand rows. The seed runs this last, in its transaction,
 * so the counts always match the rows. Any future write path (a registration, an enrolment that
 * ends, a new employer) must update these tables in the same transaction as its own change.
 */
export function participationSummaryStep(estimatedRows: number): SeedStep {
  return {
    label: 'participation summary',
    estimatedRows,
    run: async (sql) => {
      await sql.query('DELETE FROM participation_summary');
      await sql.query(`
        INSERT INTO participation_summary (regency_code, segment, active_participants)
        SELECT substr(p.nik, 1, 2) || '.' || substr(p.nik, 3, 2), p.segment, count(*)
          FROM participant p
          JOIN (SELECT DISTINCT kpj FROM enrollment WHERE until IS NULL) AS active ON active.kpj = p.kpj
         GROUP BY 1, 2`);
      await sql.query('DELETE FROM employer_summary');
      await sql.query(`
        INSERT INTO employer_summary (regency_code, employers)
        SELECT region_code, count(*) FROM employer GROUP BY region_code`);
    },
  };
}
