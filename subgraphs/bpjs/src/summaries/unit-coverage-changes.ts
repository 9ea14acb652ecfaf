import type { SeedStep } from '@jembatan/kit';

/**
 * `Unit.bpjsCoverage` counts, per registering unit, the participants covered today, in total and
 * per programme. Computed live, that joins every enrolment of the unit's participants: 0.3 s on
 * PGlite for the largest dki2016 unit, over the 200 ms budget, and no index makes it cheaper.
 *
 * So we keep the coverage as changes instead: on each day cover starts (+1) or ends (−1, the day
 * after `until`), per unit and programme, and per unit for the participant as a whole (ANY, +1 when
 * a first programme becomes active, −1 when the last one ends). Coverage on a date is the sum of
 * the changes up to it, so the answer stays right as days pass without any refresh, and a unit has
 * only a few dozen change days.
 *
 * The seed refreshes it in the same transaction as the rows it summarises; a write to `enrollment`
 * or `participant.registrar_unit_code` adjusts it in its own (writes/coverage-summaries.ts).
 */
/**
 * The changes (code, program, day, delta) of the participants that `participants` (a condition on
 * `p`) selects, grouped by unit, programme and day. Per participant, so the changes of some
 * participants are exact on their own: what a write subtracts before its change and adds after.
 */
function coverageChangesOf(participants: string): string {
  return `
  WITH cover AS (
    SELECT p.kpj, p.registrar_unit_code AS code, e.program, e.since AS day, 1 AS delta
      FROM enrollment e JOIN participant p ON p.kpj = e.kpj
     WHERE p.registrar_unit_code IS NOT NULL AND ${participants}
    UNION ALL
    SELECT p.kpj, p.registrar_unit_code, e.program, e.until + 1, -1
      FROM enrollment e JOIN participant p ON p.kpj = e.kpj
     WHERE p.registrar_unit_code IS NOT NULL AND e.until IS NOT NULL AND ${participants}
  ),
  participant_day AS (
    SELECT kpj, code, day, sum(delta) AS delta FROM cover GROUP BY kpj, code, day
  ),
  participant_active AS (
    SELECT code, day, sum(delta) OVER (PARTITION BY kpj ORDER BY day) AS active,
           kpj
      FROM participant_day
  ),
  participant_change AS (
    SELECT code, day,
           CASE WHEN active > 0 AND coalesce(lag(active) OVER (PARTITION BY kpj ORDER BY day), 0) = 0 THEN 1
                WHEN active = 0 AND coalesce(lag(active) OVER (PARTITION BY kpj ORDER BY day), 0) > 0 THEN -1
                ELSE 0 END AS delta
      FROM participant_active
  )
  SELECT code, program, day, sum(delta) AS delta
    FROM (SELECT code, program, day, delta FROM cover
          UNION ALL
          SELECT code, 'ANY', day, delta FROM participant_change) AS changes
   GROUP BY code, program, day
  HAVING sum(delta) <> 0`;
}

export const REFRESH_UNIT_COVERAGE_CHANGES = `
  INSERT INTO unit_coverage_change (registrar_unit_code, program, day, delta)
  ${coverageChangesOf('true')}`;

/**
 * Adds (sign 1) or takes away (sign −1) the changes of the participants whose KPJ is in `$1`: a
 * write takes them away before it changes their enrolments or registrar and adds them after, in
 * its transaction, so the summary stays exact without a refresh. In key order, so two writes on
 * the same unit's days queue rather than deadlock.
 */
export const ADJUST_UNIT_COVERAGE_CHANGES = `
  INSERT INTO unit_coverage_change AS summary (registrar_unit_code, program, day, delta)
  SELECT code, program, day, $2::int * delta FROM (${coverageChangesOf('p.kpj = ANY($1)')}) AS changes
   ORDER BY 1, 2, 3
  ON CONFLICT (registrar_unit_code, program, day) DO UPDATE SET delta = summary.delta + excluded.delta`;

/** A day whose changes cancel out says nothing: removed after an adjustment. */
export const DROP_EMPTY_UNIT_COVERAGE_CHANGES = 'DELETE FROM unit_coverage_change WHERE delta = 0';

/** The seed step; it reads every enrolment once, which is what its progress weight says. */
export function refreshUnitCoverageChanges(enrollmentRows: number): SeedStep {
  return {
    label: 'unit coverage summary',
    estimatedRows: enrollmentRows,
    run: async (sql) => {
      await sql.query('DELETE FROM unit_coverage_change');
      await sql.query(REFRESH_UNIT_COVERAGE_CHANGES);
    },
  };
}
