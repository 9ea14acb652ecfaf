import { toConnection, type ConnectionResult, type Database, type PageRequest } from '@jembatan/kit';
import { UnitEntity } from '../entities';
import type { UnitKind } from '../types';

export interface UnitFilter {
  kind: UnitKind | null;
  parentCode: string | null;
}

/** A keyset page of units in code order, with a lazily counted total. */
export async function listUnits(
  database: Database,
  filter: UnitFilter,
  page: PageRequest,
): Promise<ConnectionResult<UnitEntity>> {
  const query = database.dataSource.getRepository(UnitEntity).createQueryBuilder('u');
  if (filter.kind) query.andWhere('u.kind = :kind', { kind: filter.kind });
  if (filter.parentCode) query.andWhere('u.parent_code = :parentCode', { parentCode: filter.parentCode });
  const counted = query.clone();
  if (page.afterKey) query.andWhere('u.code > :after', { after: page.afterKey });
  const rows = await query
    .orderBy('u.code')
    .limit(page.limit + 1)
    .getMany();
  return toConnection(
    page,
    rows,
    (unit) => unit.code,
    () => counted.getCount(),
  );
}
