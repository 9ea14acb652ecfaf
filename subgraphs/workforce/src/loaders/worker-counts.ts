import DataLoader from 'dataloader';
import { manyByKey, type Database } from '@jembatan/kit';
import { WorkerCategory } from '../types';

/** A unit's workers per contract category; every category is present, 0 where it has none. */
export type WorkerCounts = Readonly<Record<WorkerCategory, number>>;

/** Of one category, or of all categories for null: what a `totalCount` with that filter says. */
export function workersIn(counts: WorkerCounts, category: WorkerCategory | null): number {
  if (category) return counts[category];
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

interface CountRow {
  unitCode: string;
  category: WorkerCategory;
  workers: number;
}

/**
 * The counts of many units in one statement, from the summary the worker triggers keep
 * (summaries/unit-worker-counts.ts). `Unit.headcount` and `Unit.workers.totalCount` (with or
 * without a category) of the same unit share one load, so a page asking both reads it once.
 */
export function createWorkerCountsLoader(database: Database) {
  return new DataLoader<string, WorkerCounts>(async (unitCodes) => {
    const rows = await database.dataSource.query<CountRow[]>(
      `SELECT unit_code AS "unitCode", category, workers FROM unit_worker_count WHERE unit_code = ANY($1)`,
      [unitCodes],
    );
    return manyByKey(unitCodes, rows, (row) => row.unitCode).map((unitRows) => {
      const counts = Object.fromEntries(Object.values(WorkerCategory).map((category) => [category, 0]));
      for (const row of unitRows) counts[row.category] = row.workers;
      return counts as Record<WorkerCategory, number>;
    });
  });
}
