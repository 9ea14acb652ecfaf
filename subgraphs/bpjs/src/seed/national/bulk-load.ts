import type { SeedSql } from '@jembatan/kit';

/**
 * Settings for the rest of the seed transaction (SET LOCAL ends with it), including the kit's
 * index rebuild and the summary. Sorting tens of millions of keys for an index wants memory: with
 * the default 64 MB the enrolment key spills into hundreds of temporary files, and the summary's
 * hash of 19 million active KPJs halves its time with 1 GB (measured: 99 s → 53 s). The commit is one statement at the end; not waiting for its
 * WAL flush costs nothing in durability that the ledger does not already give (an interrupted
 * load is repaired). WAL itself stays on: these are the real tables, not UNLOGGED copies.
 */
export async function tuneForBulkLoad(sql: SeedSql): Promise<void> {
  await sql.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  await sql.query(`SET LOCAL work_mem = '1GB'`);
  await sql.query('SET LOCAL synchronous_commit = off');
}

export interface KeyDefinition {
  name: string;
  table: string;
  definition: string;
}

/**
 * Drops the primary keys and unique constraints of `tables` (the kit keeps them through a load,
 * and dropped the foreign keys that depend on them). Inserting 20 million NIKs in random order
 * into a live unique index costs several times more than building it once afterwards; the
 * rebuild still refuses a duplicate, so the keys guard the load just the same.
 */
export async function setKeysAside(sql: SeedSql, tables: readonly string[]): Promise<KeyDefinition[]> {
  const keys = await sql.query<KeyDefinition>(
    `SELECT c.conname AS name, t.relname AS table, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype IN ('p', 'u') AND t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
      ORDER BY t.relname, c.contype, c.conname`,
    [tables],
  );
  for (const key of keys) await sql.query(`ALTER TABLE "${key.table}" DROP CONSTRAINT "${key.name}"`);
  return keys;
}

export async function restoreKeys(sql: SeedSql, keys: readonly KeyDefinition[]): Promise<void> {
  for (const key of keys) {
    await sql.query(`ALTER TABLE "${key.table}" ADD CONSTRAINT "${key.name}" ${key.definition}`);
  }
}
