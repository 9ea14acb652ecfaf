import type { Database } from '../db/database';
import { loadTables } from './load-tables';
import type { TableRows } from './table-rows';

export interface SeedOutcome {
  preset: string;
  loaded: boolean;
  rowCounts: Record<string, number>;
  seconds: number;
}

/**
 * Loads a preset into a database that holds none yet. A database already seeded (with any
 * preset) is left alone, so starting twice reuses the data.
 */
export async function seedIfEmpty(
  database: Database,
  preset: string,
  buildTables: (preset: string) => readonly TableRows[],
): Promise<SeedOutcome> {
  const started = performance.now();
  const existing: { preset: string; row_counts: Record<string, number> }[] = await database.dataSource.query(
    'SELECT preset, row_counts FROM seed_run ORDER BY loaded_at LIMIT 1',
  );
  if (existing[0]) {
    return { preset: existing[0].preset, loaded: false, rowCounts: existing[0].row_counts, seconds: 0 };
  }
  const tables = buildTables(preset);
  const rowCounts = Object.fromEntries(tables.map((table) => [table.table, table.rows.length]));
  await loadTables(database, [
    ...tables,
    { table: 'seed_run', columns: ['preset', 'row_counts'], rows: [[preset, JSON.stringify(rowCounts)]] },
  ]);
  return { preset, loaded: true, rowCounts, seconds: (performance.now() - started) / 1000 };
}
