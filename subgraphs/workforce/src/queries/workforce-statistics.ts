import type { Database } from '@jembatan/kit';
import { UnitKind, WorkerCategory, type WorkforceStatistics } from '../types';

/** Registry totals in two GROUP BY statements; no rows are loaded into JavaScript. */
export async function workforceStatistics(database: Database): Promise<WorkforceStatistics> {
  const [categories, kinds] = await Promise.all([
    database.dataSource.query<{ category: WorkerCategory; count: number }[]>(
      'SELECT category, count(*)::int AS count FROM worker GROUP BY category',
    ),
    database.dataSource.query<{ kind: UnitKind; count: number }[]>(
      'SELECT kind, count(*)::int AS count FROM unit GROUP BY kind',
    ),
  ]);
  // Every enum value is listed, with 0 where the registry has none, so charts keep their axes.
  const byCategory = Object.values(WorkerCategory).map((category) => ({
    category,
    count: categories.find((row) => row.category === category)?.count ?? 0,
  }));
  const byUnitKind = Object.values(UnitKind).map((kind) => ({
    kind,
    count: kinds.find((row) => row.kind === kind)?.count ?? 0,
  }));
  return {
    unitCount: byUnitKind.reduce((sum, row) => sum + row.count, 0),
    workerCount: byCategory.reduce((sum, row) => sum + row.count, 0),
    byCategory,
    byUnitKind,
  };
}
