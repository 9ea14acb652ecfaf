import { keysetPage, type ConnectionResult, type Database, type PageRequest } from '@jembatan/kit';
import { UnitEntity } from '../entities';
import type { UnitKind } from '../types';

export interface UnitFilter {
  kind: UnitKind | null;
  parentCode: string | null;
}

/** A page of units in code order. */
export function listUnits(
  database: Database,
  filter: UnitFilter,
  page: PageRequest,
): Promise<ConnectionResult<UnitEntity>> {
  const query = database.dataSource.getRepository(UnitEntity).createQueryBuilder('u');
  if (filter.kind) query.andWhere('u.kind = :kind', { kind: filter.kind });
  if (filter.parentCode) query.andWhere('u.parent_code = :parentCode', { parentCode: filter.parentCode });
  return keysetPage(query, page, { column: 'u.code', of: (unit) => unit.code });
}
