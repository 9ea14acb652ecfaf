import { toConnection, type ConnectionResult, type Database, type PageRequest } from '@jembatan/kit';
import { requiredProgramsOn, type CoverageGapRow } from '../agreement/coverage-gap';

export interface CoverageGapFilter {
  unitCode: string | null;
  /** The day the registries are compared on, 'YYYY-MM-DD'. */
  asOf: string;
}

// Each worker's gaps, from DKI's registry and the cover BPJS reported (bpjs_cover). The two kinds
// exclude each other on one date: one needs the contract running, the other ended. $1 asOf,
// $2–$4 the required programmes of PKP, PPSU and KEBERSIHAN on that date.
const GAPS_OF_WORKER = `
  SELECT 'MISSING_COVER' AS kind, array_agg(r.program ORDER BY r.program) AS programs, NULL::text AS registrar_unit_code
    FROM unnest(CASE w.category WHEN 'PKP' THEN $2::text[] WHEN 'PPSU' THEN $3::text[] ELSE $4::text[] END) AS r (program)
   WHERE w.contract_start <= $1::date AND (w.contract_end IS NULL OR w.contract_end >= $1::date)
     AND NOT EXISTS (SELECT 1 FROM bpjs_cover c
                      WHERE c.nik = w.nik AND c.program = r.program
                        AND c.since <= $1::date AND (c.until IS NULL OR c.until >= $1::date))
  HAVING count(*) > 0
  UNION ALL
  SELECT 'COVER_AFTER_CONTRACT_END', array_agg(DISTINCT c.program ORDER BY c.program), min(c.registrar_unit_code)
    FROM bpjs_cover c
   WHERE w.contract_end < $1::date AND c.nik = w.nik AND c.registrar_unit_code IS NOT NULL
     AND (c.until IS NULL OR c.until > w.contract_end)
  HAVING count(*) > 0`;

const requiredParams = (asOf: string) => {
  const required = requiredProgramsOn(asOf);
  return [asOf, required.PKP, required.PPSU, required.KEBERSIHAN];
};

interface GapSqlRow {
  nik: string;
  unit_code: string;
  category: CoverageGapRow['category'];
  contract_end: string | null;
  kind: CoverageGapRow['kind'];
  programs: CoverageGapRow['programs'];
  registrar_unit_code: string | null;
}

/** A page of the workers on whom the registries disagree, in NIK order. */
export async function listCoverageGaps(
  database: Database,
  filter: CoverageGapFilter,
  page: PageRequest,
): Promise<ConnectionResult<CoverageGapRow>> {
  const rows = await database.dataSource.query<GapSqlRow[]>(
    `SELECT w.nik, w.unit_code, w.category, to_char(w.contract_end, 'YYYY-MM-DD') AS contract_end,
            g.kind, g.programs, g.registrar_unit_code
       FROM worker w CROSS JOIN LATERAL (${GAPS_OF_WORKER}) g
      WHERE ($5::text IS NULL OR w.unit_code = $5) AND ($6::text IS NULL OR w.nik > $6)
      ORDER BY w.nik
      LIMIT $7`,
    [...requiredParams(filter.asOf), filter.unitCode, page.afterKey, page.limit + 1],
  );
  return toConnection(
    page,
    rows.map(toGap),
    (gap) => gap.nik,
    async () => {
      const counts = await countCoverageGaps(database, filter.asOf, filter.unitCode ? [filter.unitCode] : null);
      return [...counts.values()].reduce((sum, count) => sum + count.missingCover + count.coverAfterContractEnd, 0);
    },
  );
}

export interface CoverageGapCount {
  missingCover: number;
  coverAfterContractEnd: number;
}

// The whole registry at once, set-based: every running contract's required programmes against
// the cover running that day (one hash anti-join), and every ended contract's cover running past
// it. Per worker through the lateral above it costs ~15 µs × 281,526 dki2016 workers (4.2 s);
// this ~1.3 s. For a few units the lateral reads only their workers and wins.
const REGISTRY_GAP_COUNTS = `
  WITH required AS (
    SELECT w.nik, w.unit_code, r.program
      FROM worker w
     CROSS JOIN LATERAL unnest(CASE w.category WHEN 'PKP' THEN $2::text[] WHEN 'PPSU' THEN $3::text[] ELSE $4::text[] END)
           AS r (program)
     WHERE w.contract_start <= $1::date AND (w.contract_end IS NULL OR w.contract_end >= $1::date)
  ), missing AS (
    SELECT unit_code, count(DISTINCT nik)::int AS n FROM required q
     WHERE NOT EXISTS (SELECT 1 FROM bpjs_cover c
                        WHERE c.nik = q.nik AND c.program = q.program
                          AND c.since <= $1::date AND (c.until IS NULL OR c.until >= $1::date))
     GROUP BY unit_code
  ), after_end AS (
    SELECT w.unit_code, count(DISTINCT w.nik)::int AS n
      FROM worker w JOIN bpjs_cover c ON c.nik = w.nik
     WHERE w.contract_end < $1::date AND c.registrar_unit_code IS NOT NULL AND (c.until IS NULL OR c.until > w.contract_end)
     GROUP BY w.unit_code
  )
  SELECT unit_code, coalesce(m.n, 0) AS missing, coalesce(e.n, 0) AS after_end
    FROM missing m FULL JOIN after_end e USING (unit_code)`;

const UNIT_GAP_COUNTS = `
  SELECT w.unit_code,
         count(*) FILTER (WHERE g.kind = 'MISSING_COVER')::int AS missing,
         count(*) FILTER (WHERE g.kind = 'COVER_AFTER_CONTRACT_END')::int AS after_end
    FROM worker w CROSS JOIN LATERAL (${GAPS_OF_WORKER}) g
   WHERE w.unit_code = ANY ($5::text[])
   GROUP BY w.unit_code`;

/** Gaps per unit on a date, for the given units (or every unit with a gap when `unitCodes` is null). */
export async function countCoverageGaps(
  database: Database,
  asOf: string,
  unitCodes: readonly string[] | null,
): Promise<Map<string, CoverageGapCount>> {
  const rows = await database.dataSource.query<{ unit_code: string; missing: number; after_end: number }[]>(
    unitCodes ? UNIT_GAP_COUNTS : REGISTRY_GAP_COUNTS,
    unitCodes ? [...requiredParams(asOf), [...unitCodes]] : requiredParams(asOf),
  );
  return new Map(
    rows.map((row) => [row.unit_code, { missingCover: row.missing, coverAfterContractEnd: row.after_end }]),
  );
}

function toGap(row: GapSqlRow): CoverageGapRow {
  return {
    nik: row.nik,
    unitCode: row.unit_code,
    category: row.category,
    contractEnd: row.contract_end,
    kind: row.kind,
    programs: row.programs,
    registrarUnitCode: row.registrar_unit_code,
  };
}
