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
