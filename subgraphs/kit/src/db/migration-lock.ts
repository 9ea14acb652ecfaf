import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/** An advisory lock key of its own (per database, as every advisory lock is): "jembatan migrations". */
export const MIGRATION_LOCK_KEY = '7665817477668170099';
const RETRY_MS = 250;

/**
 * Runs a subgraph's migrations (`work`) while no other replica runs them on the same database:
 * replicas starting together on a new database would otherwise each create the same tables, and
 * all but one fail to start.
 *
 * The lock is transaction-scoped and held by a transaction of its own, on a connection of its
 * own, for as long as `work` runs, so it works behind PgBouncer in transaction pooling mode (a
 * session lock could be taken on one server connection and released on another). Waiting
 * replicas retry `pg_try_advisory_xact_lock` outside any transaction instead of blocking inside
 * one: a blocked waiter would pin a server connection, and a few of them could take every
 * connection of a small pool from the replica holding the lock, which needs one for `work`.
 */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>, maxWaitMs = 600_000): Promise<T> {
  const holder = new Client({ connectionString: url });
  await holder.connect();
  try {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      await holder.query('BEGIN');
      const { rows } = await holder.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
        [MIGRATION_LOCK_KEY],
      );
      if (rows[0]!.locked) break;
      await holder.query('ROLLBACK');
      if (Date.now() > deadline) {
        throw new Error(`another replica has been migrating this database for over ${maxWaitMs / 1000} s`);
      }
      await sleep(RETRY_MS);
    }
    try {
      return await work();
    } finally {
      await holder.query('COMMIT');
    }
  } finally {
    await holder.end();
  }
}
