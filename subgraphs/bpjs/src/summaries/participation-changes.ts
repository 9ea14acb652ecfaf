/**
 * The active participants of `participation_summary` (per regency of the NIK and segment) that
 * the participants whose KPJ is in `$1` make up, added (`$2` = 1) or taken away (−1). A write takes
 * its participants away before changing their enrolments and adds them after, in its transaction,
 * as it does for the unit coverage (unit-coverage-changes.ts). Key order, so writes queue on rows.
 * The sign applies in the update: PostgreSQL checks the proposed row (count ≥ 0) before it finds
 * the conflict, and the participants taken away were always counted in an existing row.
 */
export const ADJUST_PARTICIPATION_SUMMARY = `
  INSERT INTO participation_summary AS summary (regency_code, segment, active_participants)
  SELECT substr(p.nik, 1, 2) || '.' || substr(p.nik, 3, 2), p.segment, count(*)
    FROM participant p
   WHERE p.kpj = ANY($1) AND EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = p.kpj AND e.until IS NULL)
   GROUP BY 1, 2
   ORDER BY 1, 2
  ON CONFLICT (regency_code, segment)
  DO UPDATE SET active_participants = summary.active_participants + $2::int * excluded.active_participants`;

/** A regency and segment with no active participant left is not a row of the summary. */
export const DROP_EMPTY_PARTICIPATION_SUMMARY = 'DELETE FROM participation_summary WHERE active_participants = 0';
