import { toConnection, type ConnectionResult, type Database, type PageRequest } from '@jembatan/kit';
import { WorkerEntity } from '../entities';
import type { WorkerCategory } from '../types';

export interface WorkerFilter {
  unitCode: string | null;
  category: WorkerCategory | null;
}

/** A keyset page of workers in NIK order: `nik > after`, never OFFSET, so deep pages stay cheap. */
export async function listWorkers(
  database: Database,
  filter: WorkerFilter,
  page: PageRequest,
): Promise<ConnectionResult<WorkerEntity>> {
  const query = database.dataSource.getRepository(WorkerEntity).createQueryBuilder('w');
  if (filter.unitCode) query.andWhere('w.unit_code = :unitCode', { unitCode: filter.unitCode });
  if (filter.category) query.andWhere('w.category = :category', { category: filter.category });
  const counted = query.clone();
  if (page.afterKey) query.andWhere('w.nik > :after', { after: page.afterKey });
  const rows = await query
    .orderBy('w.nik')
    .limit(page.limit + 1)
    .getMany();
  return toConnection(
    page,
    rows,
    (worker) => worker.nik,
    () => counted.getCount(),
  );
}
