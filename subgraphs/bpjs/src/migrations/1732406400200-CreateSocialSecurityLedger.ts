import type { MigrationInterface, QueryRunner } from 'typeorm';

const PROGRAMS = `('JKK', 'JKM', 'JHT', 'JP', 'JKP')`;

export class CreateSocialSecurityLedger1732406400200 implements MigrationInterface {
  name = 'CreateSocialSecurityLedger1732406400200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE participant (
        kpj                 text PRIMARY KEY CHECK (kpj ~ '^[0-9]{11}$'),
        nik                 text NOT NULL UNIQUE CHECK (nik ~ '^[0-9]{16}$'),
        name                text NOT NULL CHECK (name <> ''),
        segment             text NOT NULL CHECK (segment IN ('PU', 'BPU', 'JAKON', 'PMI')),
        -- The Pemprov DKI unit that registered this participant in a collective BPU
        -- registration. BPJS's own record of the channel, not a reference into DKI's database.
        registrar_unit_code text,
        registered_on       date NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX participant_registrar_idx ON participant (registrar_unit_code) WHERE registrar_unit_code IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE enrollment (
        kpj     text NOT NULL REFERENCES participant (kpj) DEFERRABLE INITIALLY DEFERRED,
        program text NOT NULL CHECK (program IN ${PROGRAMS}),
        since   date NOT NULL,
        until   date CHECK (until IS NULL OR until >= since),
        PRIMARY KEY (kpj, program, since)
      )`);
    await runner.query(`
      CREATE TABLE claim (
        id          text PRIMARY KEY,
        kpj         text NOT NULL REFERENCES participant (kpj) DEFERRABLE INITIALLY DEFERRED,
        program     text NOT NULL CHECK (program IN ${PROGRAMS}),
        filed_on    date NOT NULL,
        status      text NOT NULL CHECK (status IN ('SUBMITTED', 'VERIFIED', 'PAID', 'REJECTED')),
        amount      numeric(18, 0) NOT NULL CHECK (amount >= 0),
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}([.][0-9]{2})?$')
      )`);
    await runner.query('CREATE INDEX claim_kpj_idx ON claim (kpj, filed_on)');
    await runner.query('CREATE INDEX claim_filed_region_idx ON claim (filed_on, region_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE claim');
    await runner.query('DROP TABLE enrollment');
    await runner.query('DROP TABLE participant');
  }
}
