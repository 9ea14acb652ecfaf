import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { toConnection, type ConnectionResult } from './connection';
import type { PageRequest } from './page-request';

/**
 * Runs a filtered query as one keyset page: `key > after ORDER BY key LIMIT n + 1`, never
 * OFFSET, so the 2,500th page costs what the first does. The total is counted with the same
 * filters, lazily (see ConnectionResult), unless `totalCount` answers it more cheaply (a summary).
 */
export async function keysetPage<T extends ObjectLiteral>(
  filtered: SelectQueryBuilder<T>,
  page: PageRequest,
  key: { column: string; of: (row: T) => string },
  totalCount?: () => Promise<number>,
): Promise<ConnectionResult<T>> {
  const counted = filtered.clone();
  const query = filtered.clone();
  if (page.afterKey !== null) query.andWhere(`${key.column} > :keysetAfter`, { keysetAfter: page.afterKey });
  const rows = await query
    .orderBy(key.column)
    .limit(page.limit + 1)
    .getMany();
  return toConnection(page, rows, key.of, totalCount ?? (() => counted.getCount()));
}
