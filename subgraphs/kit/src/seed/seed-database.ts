import type { Database } from '../db/database';
import { markSeedLoading, readSeedLedger, type SeedLedgerEntry } from './seed-ledger';
import type { SeedCatalog, SeedPlan, SeedProgress, SeedSql } from './seed-plan';
import { quoted } from './sql-identifier';
import { dropSecondaryStructures } from './deferred-indexes';
import { toCsv } from './to-csv';
import { inSeedTransaction } from './seed-transaction';

export type SeedAction = 'loaded' | 'kept' | 'repaired' | 'replaced';

export interface SeedOutcome {
  preset: string;
  action: SeedAction;
  /** Rows in each table the seed owns, counted in the database after the load. */
  rowCounts: Record<string, number>;
  seconds: number;
}

export interface SeedOptions {
  preset: string;
  /** Replace a different preset that is already loaded. Without it, that is refused. */
  reset?: boolean;
  onProgress?: (progress: SeedProgress) => void;
  /** Label for progress, e.g. the subgraph's name. */
  label?: string;
}

/** A request the database cannot honour as it stands; the message says what to do instead. */
export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

/** Rows per COPY: small enough for a steady progress bar, large enough to keep COPY efficient. */
const CHUNK_ROWS = 50_000;

/**
 * What loading `preset` would do to this database, without doing it: `kept` when it already holds
 * it, else how the load would go. Throws SeedRefusedError for an unknown preset, a server-only one
 * on PGlite, or a different complete preset without `reset`. A command that seeds several
 * databases asks every one first, so that a refusal never leaves the agencies on different presets.
 */
export async function seedActionFor(
  database: Database,
  catalog: SeedCatalog,
  preset: string,
  reset: boolean,
): Promise<{ action: SeedAction; ledger: SeedLedgerEntry | null }> {
  if (!catalog.presets.includes(preset)) {
    throw new SeedRefusedError(`Unknown seed preset "${preset}"; known: ${catalog.presets.join(', ')}`);
  }
  if (database.engine === 'pglite' && catalog.postgresOnly.includes(preset)) {
    throw new SeedRefusedError(
      `The ${preset} preset needs PostgreSQL: set DATABASE_URL (see docs/configuration.md); the embedded PGlite engine cannot hold it`,
    );
  }
  const ledger = await readSeedLedger(database);
  if (ledger?.state === 'complete' && !reset) {
    if (ledger.preset === preset) return { action: 'kept', ledger };
    throw new SeedRefusedError(
      `The database already holds the ${ledger.preset} preset (loaded ${ledger.loadedAt}); pass --reset to replace it with ${preset}`,
    );
  }
  return { action: !ledger ? 'loaded' : ledger.state === 'loading' ? 'repaired' : 'replaced', ledger };
}

/**
 * Makes the database hold `preset`, completely. Loading it again is a no-op; a different preset
 * is replaced only with `reset`; an interrupted load (ledger still `loading`) is repaired by
 * emptying every seeded table and loading again.
 */
export async function seedDatabase(
  database: Database,
  catalog: SeedCatalog,
  { preset, reset = false, onProgress, label = preset }: SeedOptions,
): Promise<SeedOutcome> {
  const started = performance.now();
  const { action, ledger } = await seedActionFor(database, catalog, preset, reset);
  if (action === 'kept') return { preset, action, rowCounts: ledger?.rowCounts ?? {}, seconds: 0 };

  onProgress?.({ phase: 'preparing', label: `${label}: preparing rows`, done: 0, total: 0 });
  const plan = catalog.plan(preset);
  await markSeedLoading(database, preset);
  const rowCounts = await inSeedTransaction(database, async (sql) => {
    await sql.query(`TRUNCATE ${catalog.tables.map(quoted).join(', ')}`);
    const rebuildIndexes = await dropSecondaryStructures(sql, catalog.tables);
    await runPlan(sql, plan, label, onProgress);
    onProgress?.({ phase: 'indexing', label: `${label}: building indexes and checking references`, done: 0, total: 0 });
    await rebuildIndexes();
    onProgress?.({ phase: 'counting', label: `${label}: counting rows`, done: 0, total: 0 });
    const counts = await countRows(sql, catalog.tables);
    await sql.query(`UPDATE seed_run SET state = 'complete', row_counts = $1, loaded_at = now()`, [
      JSON.stringify(counts),
    ]);
    return counts;
  });
  // Fresh statistics, so the first queries after a load already get good plans.
  onProgress?.({ phase: 'analyzing', label: `${label}: analyzing`, done: 0, total: 0 });
  await database.dataSource.query(`ANALYZE ${catalog.tables.map(quoted).join(', ')}`);
  return { preset, action, rowCounts, seconds: (performance.now() - started) / 1000 };
}

async function runPlan(
  sql: SeedSql,
  plan: SeedPlan,
  label: string,
  onProgress: SeedOptions['onProgress'],
): Promise<void> {
  const total =
    plan.tables.reduce((sum, t) => sum + t.rows.length, 0) + plan.steps.reduce((sum, s) => sum + s.estimatedRows, 0);
  let done = 0;
  const report = (what: string) => onProgress?.({ phase: 'loading', label: `${label}: ${what}`, done, total });
  for (const table of plan.tables) {
    for (let start = 0; start < table.rows.length; start += CHUNK_ROWS) {
      report(table.table);
      const rows = table.rows.slice(start, start + CHUNK_ROWS);
      await sql.copyCsv(table.table, table.columns, toCsv({ ...table, rows }));
      done += rows.length;
    }
  }
  for (const step of plan.steps) {
    report(step.label);
    await step.run(sql);
    done += step.estimatedRows;
  }
  report('done');
}

async function countRows(sql: SeedSql, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await sql.query<{ count: string | number }>(`SELECT count(*) AS count FROM ${quoted(table)}`);
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}
