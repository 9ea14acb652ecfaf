import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which replica relays the outbox: the holder of an unexpired lease row. A row, not a session
 * advisory lock, because behind PgBouncer in transaction pooling mode a session lock lands on
 * whichever server connection served the statement and so excludes no other replica.
 */
export class CreateRelayLease1766000000050 implements MigrationInterface {
  name = 'CreateRelayLease1766000000050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_relay_lease (
        source     text PRIMARY KEY,
        holder     uuid NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE outbox_relay_lease');
  }
}
