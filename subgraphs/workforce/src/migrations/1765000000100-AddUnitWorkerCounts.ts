import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropSummaryTriggers, fillSummary, summaryTriggers } from '@jembatan/kit';
import { UNIT_WORKER_COUNTS } from '../summaries/unit-worker-counts';

/** The summary behind headcounts, totals and statistics; see summaries/unit-worker-counts.ts. */
export class AddUnitWorkerCounts1765000000100 implements MigrationInterface {
  name = 'AddUnitWorkerCounts1765000000100';

  async up(runner: QueryRunner): Promise<void> {
    // No foreign key to unit: the seed empties and reloads unit and worker while the triggers run.
    await runner.query(`
      CREATE TABLE unit_worker_count (
        unit_code text NOT NULL,
        category  text NOT NULL,
        workers   integer NOT NULL,
        PRIMARY KEY (unit_code, category)
      )`);
    for (const statement of summaryTriggers(UNIT_WORKER_COUNTS)) await runner.query(statement);
    for (const statement of fillSummary(UNIT_WORKER_COUNTS)) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of dropSummaryTriggers(UNIT_WORKER_COUNTS)) await runner.query(statement);
    await runner.query('DROP TABLE unit_worker_count');
  }
}
