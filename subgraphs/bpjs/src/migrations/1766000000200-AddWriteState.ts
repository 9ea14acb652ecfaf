import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What BPJS's own writes need on the ledger. A `version` on the records a client reads and then
 * changes: a participant (its registrar and its enrolments, which are only ever changed through
 * it) and a claim. The category Pemprov DKI registered a worker under, which decides when their
 * cover may start. A claim's incident date and decision (null on claims loaded before BPJS
 * recorded them). Claim references filed here come from their own sequence, far above the
 * serials the seeds use, so a filing never takes a seeded reference. And the participation summary
 * lets a count touch zero within a write's transaction.
 */
export class AddWriteState1766000000200 implements MigrationInterface {
  name = 'AddWriteState1766000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE participant
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN worker_category text CHECK (worker_category IN ('PKP', 'PPSU', 'KEBERSIHAN')),
        -- A BPU's contributions are a share of the income declared for them (domain.md §2.3):
        -- for DKI's workers, the monthly wage DKI reports. Personal financial data, never shown.
        ADD COLUMN declared_income numeric(18, 0) CHECK (declared_income >= 0)`);
    await runner.query(`
      ALTER TABLE claim
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN incident_date date CHECK (incident_date IS NULL OR incident_date <= filed_on),
        ADD COLUMN decided_on date CHECK (decided_on IS NULL OR decided_on >= filed_on),
        ADD COLUMN rejection_reason text CHECK (rejection_reason <> ''),
        -- Seeded rejections have no recorded reason; one decided here always has.
        ADD CONSTRAINT claim_reason_only_when_rejected CHECK (rejection_reason IS NULL OR status = 'REJECTED')`);
    // A write takes its participants out of the count before its change and adds them back after:
    // in between a regency's count may touch zero (the write then drops the row).
    await runner.query(`
      ALTER TABLE participation_summary DROP CONSTRAINT participation_summary_active_participants_check,
        ADD CONSTRAINT participation_summary_active_participants_check CHECK (active_participants >= 0)`);
    await runner.query('CREATE SEQUENCE claim_reference_seq START WITH 9000000 MAXVALUE 9999999');
    // KPJs issued here: a sequence through a permutation (see identifiers/issue-kpjs.ts).
    await runner.query('CREATE SEQUENCE kpj_issue_seq');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SEQUENCE kpj_issue_seq');
    await runner.query('DROP SEQUENCE claim_reference_seq');
    await runner.query(`
      ALTER TABLE participation_summary DROP CONSTRAINT participation_summary_active_participants_check,
        ADD CONSTRAINT participation_summary_active_participants_check CHECK (active_participants > 0)`);
    await runner.query(`
      ALTER TABLE claim DROP CONSTRAINT claim_reason_only_when_rejected,
        DROP COLUMN rejection_reason, DROP COLUMN decided_on, DROP COLUMN incident_date, DROP COLUMN version`);
    await runner.query(
      'ALTER TABLE participant DROP COLUMN declared_income, DROP COLUMN worker_category, DROP COLUMN version',
    );
  }
}
