import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the registry's writes need of a worker: `version`, which every change bumps and checks
 * (optimistic concurrency: a client sends back the version it read), and `end_reason`, set when
 * HR ends the contract, which is also what marks a contract as ended rather than merely planned
 * to end (a fixed-term contract carries its planned last day in contract_end from the start).
 * The reason stays in DKI's registry: no event carries it and no GraphQL field shows it.
 */
export class AddWorkerVersion1766000000100 implements MigrationInterface {
  name = 'AddWorkerVersion1766000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE worker
        ADD COLUMN version    integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN end_reason text CHECK (end_reason IS NULL OR (end_reason <> '' AND contract_end IS NOT NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE worker DROP COLUMN end_reason, DROP COLUMN version');
  }
}
