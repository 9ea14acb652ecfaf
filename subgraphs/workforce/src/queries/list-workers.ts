import { keysetPage, type ConnectionResult, type Database, type PageRequest } from '@jembatan/kit';
import { WorkerEntity } from '../entities';
import type { WorkerCategory } from '../types';

export interface WorkerFilter {
  unitCode: string | null;
  category: WorkerCategory | null;
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
  return keysetPage(query, page, { column: 'w.nik', of: (worker) => worker.nik });
}
