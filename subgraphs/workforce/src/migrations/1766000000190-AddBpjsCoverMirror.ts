import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What BPJS Ketenagakerjaan has told Pemprov DKI about its workers' cover: one row per programme
 * period of each participant a DKI unit registered, kept from BPJS's ParticipantEnrolled and
 * CoverageEnded events (events/bpjs-event-handlers.ts) and seeded from the same world as BPJS's
 * own enrolments. DKI never reads BPJS's tables; this copy is what lets it answer, on its own,
 * where the two registries disagree (queries/coverage-gaps.ts). It holds no more than the events
 * carry: the KPJ, the registering unit and the dates, never contributions or claims.
 */
export class AddBpjsCoverMirror1766000000190 implements MigrationInterface {
  name = 'AddBpjsCoverMirror1766000000190';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bpjs_cover (
        nik                 text NOT NULL,
        program             text NOT NULL,
        since               date NOT NULL,
        until               date,
        kpj                 text NOT NULL,
        registrar_unit_code text,
        PRIMARY KEY (nik, program, since)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE bpjs_cover');
  }
}
