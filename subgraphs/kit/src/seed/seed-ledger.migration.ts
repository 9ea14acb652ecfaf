import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger of seed loads, shared by every subgraph: a row exists only when a preset loaded
 * completely (it is written in the same transaction as the data).
 */
export class CreateSeedLedger1732406400000 implements MigrationInterface {
  name = 'CreateSeedLedger1732406400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE seed_run (
        preset     text PRIMARY KEY,
        row_counts jsonb NOT NULL,
        loaded_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE seed_run');
  }
}
