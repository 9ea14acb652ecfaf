import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The summary behind `Unit.bpjsCoverage`; see summaries/unit-coverage-changes.ts. */
export class AddUnitCoverageChanges1732406400400 implements MigrationInterface {
  name = 'AddUnitCoverageChanges1732406400400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE unit_coverage_change (
        registrar_unit_code text NOT NULL,
        -- A programme, or ANY for the participant as a whole (covered by at least one programme).
        program             text NOT NULL CHECK (program IN ('JKK', 'JKM', 'JHT', 'JP', 'JKP', 'ANY')),
        day                 date NOT NULL,
        delta               integer NOT NULL,
        PRIMARY KEY (registrar_unit_code, program, day)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE unit_coverage_change');
  }
}
