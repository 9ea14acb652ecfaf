import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropSummaryTriggers, fillSummary, summaryTriggers } from '@jembatan/kit';
import { CLAIM_TOTALS } from '../summaries/claim-totals';

/**
 * The summary behind `claimStatistics`; see summaries/claim-totals.ts. It replaces the claims'
 * (filed_on, region_code) index, whose only reader was that count.
 */
export class AddClaimTotals1765000000200 implements MigrationInterface {
  name = 'AddClaimTotals1765000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE claim_total (
        year        integer NOT NULL,
        region_code text NOT NULL,
        program     text NOT NULL,
        claims      integer NOT NULL,
        amount      numeric(20, 0) NOT NULL,
        PRIMARY KEY (year, region_code, program)
      )`);
    for (const statement of summaryTriggers(CLAIM_TOTALS)) await runner.query(statement);
    for (const statement of fillSummary(CLAIM_TOTALS)) await runner.query(statement);
    await runner.query('DROP INDEX claim_filed_region_idx');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX claim_filed_region_idx ON claim (filed_on, region_code)');
    for (const statement of dropSummaryTriggers(CLAIM_TOTALS)) await runner.query(statement);
    await runner.query('DROP TABLE claim_total');
  }
}
