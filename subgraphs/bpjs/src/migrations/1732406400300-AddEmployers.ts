import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEGMENTS = `('PU', 'BPU', 'JAKON', 'PMI')`;
const REGENCY_CODE = `'^[0-9]{2}[.][0-9]{2}$'`;

/**
 * Employers (pemberi kerja) and the wage earners they register, plus the headline counts a
 * national register cannot afford to count live (19 million participants): active participants
 * per regency and segment, employers per regency. The counts are derived data; the seed refreshes
 * them in its own transaction, and any future write path must update them in the transaction that
 * changes participants, enrolments or employers.
 */
export class AddEmployers1732406400300 implements MigrationInterface {
  name = 'AddEmployers1732406400300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE employer (
        npp           text PRIMARY KEY CHECK (npp ~ '^[0-9]{8}$'),
        name          text NOT NULL CHECK (name <> ''),
        -- Kemendagri regency code of the branch the employer is registered at, e.g. '32.73'.
        region_code   text NOT NULL CHECK (region_code ~ ${REGENCY_CODE}),
        registered_on date NOT NULL
      )`);
    await runner.query(`
      ALTER TABLE participant
        ADD COLUMN employer_npp text REFERENCES employer (npp) DEFERRABLE INITIALLY DEFERRED`);
    await runner.query(
      'CREATE INDEX participant_employer_idx ON participant (employer_npp) WHERE employer_npp IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE participation_summary (
        -- Of the participant's NIK: the place of first registration, as Dukcapil codes it.
        regency_code        text NOT NULL CHECK (regency_code ~ ${REGENCY_CODE}),
        segment             text NOT NULL CHECK (segment IN ${SEGMENTS}),
        active_participants integer NOT NULL CHECK (active_participants > 0),
        PRIMARY KEY (regency_code, segment)
      )`);
    await runner.query(`
      CREATE TABLE employer_summary (
        regency_code text PRIMARY KEY CHECK (regency_code ~ ${REGENCY_CODE}),
        employers    integer NOT NULL CHECK (employers > 0)
      )`);
    // A database loaded before this migration gets its counts now, not at its next seed.
    await runner.query(`
      INSERT INTO participation_summary (regency_code, segment, active_participants)
      SELECT substr(p.nik, 1, 2) || '.' || substr(p.nik, 3, 2), p.segment, count(*)
        FROM participant p
       WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = p.kpj AND e.until IS NULL)
       GROUP BY 1, 2`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE employer_summary');
    await runner.query('DROP TABLE participation_summary');
    await runner.query('ALTER TABLE participant DROP COLUMN employer_npp');
    await runner.query('DROP TABLE employer');
  }
}
