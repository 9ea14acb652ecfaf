import type { Pool } from 'pg';

const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'];
const CATEGORIES = ['PKP', 'PPSU', 'KEBERSIHAN'];
const UNIT_KINDS = ['SKPD', 'UKPD'];

/** `ClaimsByProgram` by hand: one GROUP BY, every programme listed (0 where none). */
export async function claimsByProgram(bpjs: Pool, variables: { year?: number; regionCode?: string | null }) {
  const year = variables.year ?? 2016;
  const regionCode = variables.regionCode === undefined ? '31' : variables.regionCode;
  const { rows } = await bpjs.query<{ program: string; count: number; amount: string }>(
    `SELECT program, count(*)::int AS count, sum(amount)::text AS amount
       FROM claim
      WHERE filed_on >= make_date($1, 1, 1) AND filed_on < make_date($1 + 1, 1, 1)
        AND ($2::text IS NULL OR region_code = $2 OR region_code LIKE $2 || '.%')
      GROUP BY program`,
    [year, regionCode],
  );
  const byProgram = PROGRAMS.map((program) => {
    const row = rows.find((candidate) => candidate.program === program);
    return { program, count: row?.count ?? 0, amount: row?.amount ?? '0' };
  });
  return {
    data: {
      claimStatistics: {
        year,
        regionCode,
        count: byProgram.reduce((sum, row) => sum + row.count, 0),
        amount: byProgram.reduce((sum, row) => sum + BigInt(row.amount), 0n).toString(),
        byProgram,
      },
    },
  };
}

/** `WorkforceByCategory` by hand: two GROUP BYs, every category and unit kind listed. */
export async function workforceByCategory(workforce: Pool) {
  const [categories, kinds] = await Promise.all([
    workforce.query<{ category: string; count: number }>(
      'SELECT category, count(*)::int AS count FROM worker GROUP BY category',
    ),
    workforce.query<{ kind: string; count: number }>('SELECT kind, count(*)::int AS count FROM unit GROUP BY kind'),
  ]);
  const byCategory = CATEGORIES.map((category) => ({
    category,
    count: categories.rows.find((row) => row.category === category)?.count ?? 0,
  }));
  const byUnitKind = UNIT_KINDS.map((kind) => ({
    kind,
    count: kinds.rows.find((row) => row.kind === kind)?.count ?? 0,
  }));
  return {
    data: {
      workforceStatistics: {
        unitCount: byUnitKind.reduce((sum, row) => sum + row.count, 0),
        workerCount: byCategory.reduce((sum, row) => sum + row.count, 0),
        byCategory,
        byUnitKind,
      },
    },
  };
}
