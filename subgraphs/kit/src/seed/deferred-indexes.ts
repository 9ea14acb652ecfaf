import type { SeedSql } from './seed-plan';

interface Definition {
  name: string;
  table: string;
  definition: string;
}

/**
 * Drops the keys, foreign keys and secondary indexes of `tables` and returns what rebuilds them.
 * Bulk loading first and indexing after is several times faster than maintaining every index
 * (a unique index on NIKs arriving in random order above all) and queuing a foreign-key check per
 * row. The rebuild still refuses a duplicate key or a dangling reference, failing the load, so the
 * constraints guard it just the same; inside the seed transaction nobody sees the tables bare.
 */
export async function dropSecondaryStructures(sql: SeedSql, tables: readonly string[]): Promise<() => Promise<void>> {
  const foreignKeys = await sql.query<Definition>(
    `SELECT c.conname AS name, t.relname AS table, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
      ORDER BY t.relname, c.conname`,
    [tables],
  );
  const indexes = await sql.query<Definition>(
    `SELECT i.relname AS name, t.relname AS table, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY t.relname, i.relname`,
    [tables],
  );
  const keys = await sql.query<Definition>(
    `SELECT c.conname AS name, t.relname AS table, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype IN ('p', 'u') AND t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
      ORDER BY t.relname, c.contype, c.conname`,
    [tables],
  );
  for (const fk of foreignKeys) await sql.query(`ALTER TABLE "${fk.table}" DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await sql.query(`DROP INDEX "${index.name}"`);
  for (const key of keys) await sql.query(`ALTER TABLE "${key.table}" DROP CONSTRAINT "${key.name}"`);
  return async () => {
    // Keys first: foreign keys need the referenced key's unique index.
    for (const key of keys)
      await sql.query(`ALTER TABLE "${key.table}" ADD CONSTRAINT "${key.name}" ${key.definition}`);
    for (const index of indexes) await sql.query(index.definition);
    for (const fk of foreignKeys) {
      await sql.query(`ALTER TABLE "${fk.table}" ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
    }
  };
}
