import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consuming side of the outbox: each event id is recorded once, in the transaction of the
 * handler's change, so a redelivered event changes nothing; per (source, ordering key) the last
 * key_seq applied, so a later event waits for the earlier one and a stale one is ignored; and the
 * events a rule refused (or that failed too often), parked with their reason for operators.
 */
export class CreateInbox1766000000040 implements MigrationInterface {
  name = 'CreateInbox1766000000040';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE inbox_event (
        id           uuid PRIMARY KEY,
        source       text NOT NULL,
        type         text NOT NULL,
        ordering_key text NOT NULL,
        key_seq      bigint NOT NULL,
        occurred_at  timestamptz NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        outcome      text NOT NULL CHECK (outcome IN ('applied', 'ignored', 'parked'))
      )`);
    await runner.query(`
      CREATE TABLE inbox_ordering_key (
        source       text NOT NULL,
        ordering_key text NOT NULL,
        last_key_seq bigint NOT NULL,
        PRIMARY KEY (source, ordering_key)
      )`);
    await runner.query(`
      CREATE TABLE inbox_parked_event (
        id            uuid PRIMARY KEY,
        source        text NOT NULL,
        type          text NOT NULL,
        ordering_key  text NOT NULL,
        key_seq       bigint NOT NULL,
        occurred_at   timestamptz NOT NULL,
        -- Kept for an operator who replays the event once the cause is fixed; never shown by the query.
        payload       jsonb NOT NULL,
        code          text NOT NULL,
        message       text NOT NULL,
        attempts      integer NOT NULL,
        first_seen_at timestamptz NOT NULL,
        parked_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX inbox_parked_event_parked_at_idx ON inbox_parked_event (parked_at DESC, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox_parked_event');
    await runner.query('DROP TABLE inbox_ordering_key');
    await runner.query('DROP TABLE inbox_event');
  }
}

/** What a consuming agency adds to its migrations, after its own tables. */
export const inboxMigrations = [CreateInbox1766000000040];
