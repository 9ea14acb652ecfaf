import type { Database } from '@jembatan/kit';
import { UnitKind, WorkerCategory, type WorkforceStatistics } from '../types';

interface CountRow {
  dimension: 'category' | 'kind';
  value: string;
  count: number;
}

/**
 * Registry totals in one statement: workers per category summed from the summary the worker
 * triggers keep (a few hundred rows instead of every worker), units per kind counted live (300).
 */
export async function workforceStatistics(database: Database): Promise<WorkforceStatistics> {
  const rows = await database.dataSource.query<CountRow[]>(
    `SELECT 'category' AS dimension, category AS value, sum(workers)::int AS count
       FROM unit_worker_count GROUP BY category
     UNION ALL
     SELECT 'kind', kind, count(*)::int FROM unit GROUP BY kind`,
  );
  const countOf = (dimension: CountRow['dimension'], value: string) =>
    rows.find((row) => row.dimension === dimension && row.value === value)?.count ?? 0;
  // Every enum value is listed, with 0 where the registry has none, so charts keep their axes.
  const byCategory = Object.values(WorkerCategory).map((category) => ({
    category,
    count: countOf('category', category),
  }));
  const byUnitKind = Object.values(UnitKind).map((kind) => ({ kind, count: countOf('kind', kind) }));
  return {
    unitCount: byUnitKind.reduce((sum, row) => sum + row.count, 0),
    workerCount: byCategory.reduce((sum, row) => sum + row.count, 0),
    byCategory,
    byUnitKind,
  };
}
