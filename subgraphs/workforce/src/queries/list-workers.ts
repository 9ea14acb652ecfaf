import { keysetPage, type ConnectionResult, type Database, type PageRequest } from '@jembatan/kit';
import { WorkerEntity } from '../entities';
import type { WorkerCategory } from '../types';

export interface WorkerFilter {
  unitCode: string | null;
  category: WorkerCategory | null;
}

/** Workers matching the filter, summed from the summary the worker triggers keep rather than counted. */
async function countWorkers(database: Database, filter: WorkerFilter): Promise<number> {
  const [row] = await database.dataSource.query<{ workers: number }[]>(
    `SELECT coalesce(sum(workers), 0)::int AS workers FROM unit_worker_count
      WHERE ($1::text IS NULL OR unit_code = $1) AND ($2::text IS NULL OR category = $2)`,
    [filter.unitCode, filter.category],
  );
  return row?.workers ?? 0;
}

/** A page of workers in NIK order. */
export function listWorkers(
  database: Database,
  filter: WorkerFilter,
  page: PageRequest,
): Promise<ConnectionResult<WorkerEntity>> {
  const query = database.dataSource.getRepository(WorkerEntity).createQueryBuilder('w');
  if (filter.unitCode) query.andWhere('w.unit_code = :unitCode', { unitCode: filter.unitCode });
  if (filter.category) query.andWhere('w.category = :category', { category: filter.category });
  return keysetPage(query, page, { column: 'w.nik', of: (worker) => worker.nik }, () => countWorkers(database, filter));
}
