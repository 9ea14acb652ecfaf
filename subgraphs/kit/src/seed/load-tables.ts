import type { Database } from '../db/database';
import type { TableRows } from './table-rows';
import { toCsv } from './to-csv';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const INSERT_BATCH_ROWS = 1000;

function quoted(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * Loads several tables in one transaction: either every row lands or none does, so a crash
 * mid-load never leaves a database that looks seeded. On PGlite the rows go in with COPY
 * inside the owning process (streaming COPY through the socket desynchronises PGlite); on
 * PostgreSQL with batched multi-row INSERTs.
 */
export async function loadTables(database: Database, tables: readonly TableRows[]): Promise<void> {
  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      for (const table of tables) {
        if (table.rows.length === 0) continue;
        const columns = table.columns.map(quoted).join(', ');
        const blob = new Blob([toCsv(table)]);
        await tx.query(`COPY ${quoted(table.table)} (${columns}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      }
    });
    return;
  }
  await database.dataSource.transaction(async (manager) => {
    for (const table of tables) {
      const columns = table.columns.map(quoted).join(', ');
      for (let start = 0; start < table.rows.length; start += INSERT_BATCH_ROWS) {
        const batch = table.rows.slice(start, start + INSERT_BATCH_ROWS);
        const width = table.columns.length;
        const values = batch
          .map((_, row) => `(${table.columns.map((__, column) => `$${row * width + column + 1}`).join(', ')})`)
          .join(', ');
        await manager.query(`INSERT INTO ${quoted(table.table)} (${columns}) VALUES ${values}`, batch.flat());
      }
    }
  });
}
