import DataLoader from 'dataloader';
import { manyByKey, oneByKey, rowsByKeys, type Database } from '@jembatan/kit';
import { WorkerEntity } from '../entities';
import type { WorkerCategory } from '../types';

/** One page of one unit's workers: what `Unit.workers` asks for, per parent unit. */
export interface UnitWorkersPage {
  unitCode: string;
  category: WorkerCategory | null;
  afterNik: string | null;
  /** Rows to fetch: the page size plus one, to learn whether a next page exists. */
  limit: number;
}

const WORKER_COLUMNS = `w.nik, w.name, w.category, w.unit_code AS "unitCode", w.contract_start AS "contractStart",
  w.contract_end AS "contractEnd", w.monthly_wage AS "monthlyWage", w.version`;

/** Groups keys that share everything but the unit, so each group is one SQL statement. */
function groupBy<K>(keys: readonly K[], groupOf: (key: K) => string): Map<string, K[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const group = groupOf(key);
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  return groups;
}

export function createWorkerLoaders(database: Database) {
  return {
    workerByNik: new DataLoader<string, WorkerEntity | null>(async (niks) => {
      const rows = await rowsByKeys(database.dataSource, WorkerEntity, 'nik', niks);
      return oneByKey(niks, rows, (worker) => worker.nik);
    }),

    /**
     * Pages of many units in one statement: a LATERAL subquery takes each unit's next `limit`
     * workers by keyset, so `units { workers(first: 10) }` costs one query, not one per unit.
     */
    unitWorkersPage: new DataLoader<UnitWorkersPage, WorkerEntity[], string>(
      async (pages) => {
        const results = new Map<UnitWorkersPage, WorkerEntity[]>();
        const groups = groupBy(pages, (page) => JSON.stringify([page.category, page.afterNik, page.limit]));
        for (const group of groups.values()) {
          const { category, afterNik, limit } = group[0] as UnitWorkersPage;
          const unitCodes = group.map((page) => page.unitCode);
          const rows: (WorkerEntity & { pageUnit: string })[] = await database.dataSource.query(
            `SELECT p.code AS "pageUnit", ${WORKER_COLUMNS}
               FROM unnest($1::text[]) AS p(code)
               CROSS JOIN LATERAL (
                 SELECT * FROM worker
                  WHERE unit_code = p.code
                    AND ($2::text IS NULL OR category = $2)
                    AND ($3::text IS NULL OR nik > $3)
                  ORDER BY nik
                  LIMIT $4
               ) AS w`,
            [unitCodes, category, afterNik, limit],
          );
          const byUnit = manyByKey(unitCodes, rows, (row) => row.pageUnit);
          group.forEach((page, index) => results.set(page, byUnit[index] ?? []));
        }
        return pages.map((page) => results.get(page) ?? []);
      },
      { cacheKeyFn: (page) => JSON.stringify(page) },
    ),
  };
}
