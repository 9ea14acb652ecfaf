import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/database';
import type { SeedSql } from './seed-plan';
import { quoted } from './sql-identifier';

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoted(table)} (${columns.map(quoted).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

/**
 * Runs `work` in one transaction: every row it writes lands, or none does. On PGlite the rows go
 * in through `/dev/blob` inside the owning process, which holds the session meanwhile; on
 * PostgreSQL through `COPY … FROM STDIN` on the transaction's own connection.
 */
export async function inSeedTransaction<T>(database: Database, work: (sql: SeedSql) => Promise<T>): Promise<T> {
  if (database.embeddedSession) {
    // Exclusive: between the transaction's statements no socket client may run its own.
    return database.embeddedSession.exclusive((pglite) =>
      pglite.transaction((tx) =>
        work({
          query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, [...params])).rows,
          copyCsv: async (table, columns, csv) => {
            await tx.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([csv]) });
          },
        }),
      ),
    );
  }
  const runner = database.dataSource.createQueryRunner();
  // The query runner's own pg client, so that COPY runs inside the same transaction.
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    const result = await work({
      query: async <R>(sql: string, params: readonly unknown[] = []) => (await runner.query(sql, [...params])) as R[],
      copyCsv: async (table, columns, csv) => {
        await pipeline(Readable.from([csv]), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
      },
    });
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
