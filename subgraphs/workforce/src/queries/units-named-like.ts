import type { Database } from '@jembatan/kit';

export interface UnitName {
  code: string;
  name: string;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Up to `limit` units whose name or code contains `text` (case-insensitive), shortest name first:
 * what someone who typed "Tebet" where a code belongs most likely meant.
 */
export async function unitsNamedLike(database: Database, text: string, limit = 3): Promise<UnitName[]> {
  const trimmed = text.trim();
  if (trimmed.length < 3) return [];
  return database.dataSource.query<UnitName[]>(
    `SELECT code, name FROM unit
      WHERE name ILIKE $1 OR code ILIKE $1
      ORDER BY length(name), code
      LIMIT $2`,
    [likePattern(trimmed.slice(0, 64)), limit],
  );
}
