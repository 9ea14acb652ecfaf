import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Database } from '../db/database';
import { CreateSeedLedger1732406400000 } from './seed-ledger.migration';

export type SeedState = 'loading' | 'complete';

/** The one row of `seed_run`: which preset the database holds, and whether it finished loading. */
export interface SeedLedgerEntry {
  preset: string;
  state: SeedState;
  rowCounts: Record<string, number>;
  loadedAt: string;
}

/**
 * A load marks the ledger `loading` and commits that before it writes any row, then flips it to
 * `complete` in the transaction that writes the rows. A database whose ledger still says
 * `loading` was interrupted: it is never taken for a loaded one, and the next load repairs it.
 */
export class AddSeedRunState1732406400001 implements MigrationInterface {
  name = 'AddSeedRunState1732406400001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE seed_run
        ADD COLUMN state text NOT NULL DEFAULT 'complete' CHECK (state IN ('loading', 'complete'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE seed_run DROP COLUMN state');
  }
}

/** The kit's migrations every subgraph runs before its own. */
export const seedLedgerMigrations = [CreateSeedLedger1732406400000, AddSeedRunState1732406400001];

export async function readSeedLedger(database: Database): Promise<SeedLedgerEntry | null> {
  const rows: { preset: string; state: SeedState; row_counts: Record<string, number>; loaded_at: Date }[] =
    await database.dataSource.query('SELECT preset, state, row_counts, loaded_at FROM seed_run LIMIT 1');
  const row = rows[0];
  return row
    ? {
        preset: row.preset,
        state: row.state,
        rowCounts: row.row_counts,
        loadedAt: new Date(row.loaded_at).toISOString(),
      }
    : null;
}

export async function markSeedLoading(database: Database, preset: string): Promise<void> {
  await database.dataSource.transaction(async (manager) => {
    await manager.query('DELETE FROM seed_run');
    await manager.query(`INSERT INTO seed_run (preset, row_counts, state) VALUES ($1, '{}', 'loading')`, [preset]);
  });
}
