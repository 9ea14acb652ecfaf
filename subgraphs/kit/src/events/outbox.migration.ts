import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateRelayLease1766000000050 } from './relay/relay-lease.migration';

/**
 * The transactional outbox: the events of a change are rows written in the change's own
 * transaction, so a crash between commit and publish loses nothing (the relay publishes what
 * is still unpublished after a restart). Ordering per subject comes from key_seq, which has no
 * gaps per ordering key: the unique index refuses two writers numbering the same place.
 */
export class CreateOutbox1766000000010 implements MigrationInterface {
  name = 'CreateOutbox1766000000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_event (
        position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id           uuid NOT NULL UNIQUE,
        type         text NOT NULL,
        ordering_key text NOT NULL,
        key_seq      bigint NOT NULL CHECK (key_seq > 0),
        payload      jsonb NOT NULL,
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await runner.query('CREATE UNIQUE INDEX outbox_event_key_seq_idx ON outbox_event (ordering_key, key_seq)');
    // The relay's only question: what is still to publish, oldest first.
    await runner.query(
      'CREATE INDEX outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE outbox_event');
  }
}

/** The kit's migrations for an agency that publishes events: its outbox and the lease of its relay. */
export const outboxMigrations = [CreateOutbox1766000000010, CreateRelayLease1766000000050];
