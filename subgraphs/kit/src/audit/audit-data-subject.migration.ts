import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_APPEND_LOCK_KEY, OCCURRED_AT_FORMAT } from './canonical-record';

/** The chain function of CreateAuditTrail1732406400010, with `extra` appended to the hashed text. */
export const chainFunction = (extra: string) => `
  CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT
    AS $$
    DECLARE
      last_seq  bigint;
      last_hash bytea;
    BEGIN
      PERFORM pg_advisory_xact_lock(${AUDIT_APPEND_LOCK_KEY});
      EXECUTE format('SELECT seq, hash FROM %I.%I ORDER BY seq DESC LIMIT 1', TG_TABLE_SCHEMA, TG_TABLE_NAME)
        INTO last_seq, last_hash;
      NEW.seq := coalesce(last_seq, 0) + 1;
      NEW.prev_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
      NEW.occurred_at := clock_timestamp();
      NEW.hash := sha256(NEW.prev_hash || convert_to(
           audit_log_netstring(NEW.seq::text)
        || audit_log_netstring(to_char(NEW.occurred_at AT TIME ZONE 'UTC', ${OCCURRED_AT_FORMAT}))
        || audit_log_netstring(NEW.caller_subject)
        || audit_log_netstring(NEW.caller_agency)
        || audit_log_netstring_list(NEW.caller_roles)
        || audit_log_netstring(NEW.purpose)
        || audit_log_netstring(NEW.operation_name)
        || audit_log_netstring(NEW.request_id)
        || audit_log_netstring_list(NEW.subjects)
        || audit_log_netstring_list(NEW.fields)${extra},
        'UTF8'));
      RETURN NEW;
    END
    $$`;

/**
 * Records the data subject a DATA_SUBJECT_REQUEST declared (its NIK), so the trail shows on whose
 * behalf a request read what it read. The hash covers it only when present: records without one
 * (every record written before this migration) hash exactly as before, so old chains still verify,
 * and a data subject added to or removed from a record afterwards breaks its hash.
 */
export class AddAuditDataSubject1732406400020 implements MigrationInterface {
  name = 'AddAuditDataSubject1732406400020';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE audit_log ADD COLUMN data_subject text CHECK (data_subject ~ '^[0-9]{16}$')`);
    await runner.query(
      chainFunction(`
        || CASE WHEN NEW.data_subject IS NULL THEN '' ELSE audit_log_netstring(NEW.data_subject) END`),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(chainFunction(''));
    await runner.query('ALTER TABLE audit_log DROP COLUMN data_subject');
  }
}
