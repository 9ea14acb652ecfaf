import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkforceRegistry1732406400100 implements MigrationInterface {
  name = 'CreateWorkforceRegistry1732406400100';

  async up(runner: QueryRunner): Promise<void> {
    // Enumerations are CHECKed text rather than PostgreSQL enum types: adding a value later is
    // a one-line migration that needs no table rewrite and behaves the same on PGlite.
    await runner.query(`
      CREATE TABLE unit (
        code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}(-[A-Z0-9]{1,15}){0,4}$'),
        name        text NOT NULL CHECK (name <> ''),
        kind        text NOT NULL CHECK (kind IN ('SKPD', 'UKPD')),
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}([.][0-9]{2}([.][0-9]{2}([.][0-9]{4})?)?)?$'),
        parent_code text REFERENCES unit (code) DEFERRABLE INITIALLY DEFERRED,
        CHECK (parent_code IS NULL OR parent_code <> code)
      )`);
    await runner.query('CREATE INDEX unit_parent_idx ON unit (parent_code, code)');
    await runner.query('CREATE INDEX unit_kind_idx ON unit (kind, code)');
    await runner.query(`
      CREATE TABLE worker (
        nik            text PRIMARY KEY CHECK (nik ~ '^[0-9]{16}$'),
        name           text NOT NULL CHECK (name <> ''),
        category       text NOT NULL CHECK (category IN ('PKP', 'PPSU', 'KEBERSIHAN')),
        unit_code      text NOT NULL REFERENCES unit (code) DEFERRABLE INITIALLY DEFERRED,
        contract_start date NOT NULL,
        contract_end   date CHECK (contract_end IS NULL OR contract_end >= contract_start),
        monthly_wage   numeric(15, 0) NOT NULL CHECK (monthly_wage >= 0)
      )`);
    // Keyset pagination walks these in nik order, per unit and per category.
    await runner.query('CREATE INDEX worker_unit_idx ON worker (unit_code, nik)');
    await runner.query('CREATE INDEX worker_unit_category_idx ON worker (unit_code, category, nik)');
    await runner.query('CREATE INDEX worker_category_idx ON worker (category, nik)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE worker');
    await runner.query('DROP TABLE unit');
  }
}
