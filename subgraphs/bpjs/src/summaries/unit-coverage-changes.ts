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
 * The seed refreshes it in the same transaction as the rows it summarises. Any future write path
 * to `enrollment` or `participant.registrar_unit_code` must update it in its own transaction, or
 * run this refresh there.
 */
export const REFRESH_UNIT_COVERAGE_CHANGES = `
  WITH cover AS (
    SELECT p.kpj, p.registrar_unit_code AS code, e.program, e.since AS day, 1 AS delta
      FROM enrollment e JOIN participant p ON p.kpj = e.kpj
     WHERE p.registrar_unit_code IS NOT NULL
    UNION ALL
    SELECT p.kpj, p.registrar_unit_code, e.program, e.until + 1, -1
      FROM enrollment e JOIN participant p ON p.kpj = e.kpj
     WHERE p.registrar_unit_code IS NOT NULL AND e.until IS NOT NULL
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
  INSERT INTO unit_coverage_change (registrar_unit_code, program, day, delta)
  SELECT code, program, day, sum(delta)
    FROM (SELECT code, program, day, delta FROM cover
          UNION ALL
          SELECT code, 'ANY', day, delta FROM participant_change) AS changes
   GROUP BY code, program, day
  HAVING sum(delta) <> 0`;

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
