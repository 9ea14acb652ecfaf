import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

const selectLists = new WeakMap<EntityMetadata, string>();

/** `"column" AS "property", …` for every column of the entity, built once per entity. */
function selectListOf(metadata: EntityMetadata): string {
  let list = selectLists.get(metadata);
  if (!list) {
    list = metadata.columns.map((column) => `"${column.databaseName}" AS "${column.propertyName}"`).join(', ');
    selectLists.set(metadata, list);
  }
  return list;
}

function columnOf(metadata: EntityMetadata, property: string): string {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.name} has no column ${property}`);
  return `"${column.databaseName}"`;
}

/**
 * The rows of an entity's table whose `property` is one of `keys`, in one `= ANY($1)` statement:
 * a loader's batch. They come back as plain objects shaped like the entity (its property names;
 * dates and numerics as text, as TypeORM gives them), without TypeORM's query builder, whose
 * entity hydration costs twice the CPU of the query itself (100 participants: 1.3 ms against
 * 0.6 ms per batch, on every page).
 */
export function rowsByKeys<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: readonly unknown[],
  orderBy: readonly (keyof T & string)[] = [],
): Promise<T[]> {
  const metadata = dataSource.getMetadata(entity);
  const order = orderBy.length ? ` ORDER BY ${orderBy.map((name) => columnOf(metadata, name)).join(', ')}` : '';
  return dataSource.query<T[]>(
    `SELECT ${selectListOf(metadata)} FROM "${metadata.tableName}" WHERE ${columnOf(metadata, property)} = ANY($1)${order}`,
    [keys],
  );
}
