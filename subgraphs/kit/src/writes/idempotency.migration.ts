import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What makes a write safe to retry: one record per (caller, mutation, idempotency key), holding
 * a keyed digest of what was asked (the input and the purpose) and the result that was answered.
 * It lives in the agency's own database, written in the write's own transaction, so a retry finds
 * it after a restart and through any gateway or subgraph replica, and two requests with the same
 * key meet on the primary key: the second waits for the first to commit, then replays its result.
 *
 * Records are kept for IDEMPOTENCY_RETENTION (7 days): long enough for any client to retry after
 * a lost answer, a restart or a weekend's outage, short enough that the table stays a few days of
 * writes. After that a key is free again, as if never used (a claim takes over an expired record;
 * purgeExpiredIdempotencyRecords deletes them, by the created_at index).
 */
export class CreateIdempotencyRecords1766000000020 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1766000000020';

  async up(runner: QueryRunner): Promise<void> {
    // result is NULL only inside the claiming transaction: it is stored before that commits.
    await runner.query(`
      CREATE TABLE idempotency_record (
        caller_subject text NOT NULL,
        mutation       text NOT NULL,
        key            text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{8,128}$'),
        request_digest bytea NOT NULL CHECK (octet_length(request_digest) = 32),
        result         jsonb,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller_subject, mutation, key)
      )`);
    await runner.query('CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_record');
  }
}

/** The kit's migrations for an agency that accepts writes (add CreateOutbox1766000000010 for its events). */
export const writeMigrations = [CreateIdempotencyRecords1766000000020];
