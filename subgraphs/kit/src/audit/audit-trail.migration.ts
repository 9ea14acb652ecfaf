import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SplitAuditTrailIntoChains1732406400030 } from './audit-chains.migration';
import { AddAuditDataSubject1732406400020 } from './audit-data-subject.migration';
import { AddWriteAuditRecords1766000000030 } from './audit-writes.migration';
import { AUDIT_APPEND_LOCK_KEY, OCCURRED_AT_FORMAT } from './canonical-record';

/** A list column holds a plain list of strings: one dimension, numbered from 1, no NULL items. */
const plainList = (column: string) =>
  `array_ndims(${column}) = 1 AND array_lower(${column}, 1) = 1 AND array_position(${column}, NULL) IS NULL`;

/**
 * The audit trail of who read whose personal data (UU 27/2022 Pasal 31 and 32), one table per
 * agency database. Each record is chained to the one before it by a SHA-256 hash computed in
 * the database, so removing, inserting or editing any record breaks the chain where it happened
 * (see canonical-record.ts for the encoding and verify-audit-chain.ts for the check).
 *
 * Privileges: in production the migrations run as an owner role, and the services connect as an
 * application role granted only SELECT and INSERT on audit_log. The append-only triggers below
 * are the second line: they also stop the owner and any role granted more by mistake. Someone who
 * can disable triggers (a superuser) can still rewrite rows; that is what the hash chain exposes.
 * The trigger functions run with the caller's rights (not SECURITY DEFINER): the application role
 * needs nothing beyond SELECT and INSERT, and no function lends anyone the owner's rights.
 */
export class CreateAuditTrail1732406400010 implements MigrationInterface {
  name = 'CreateAuditTrail1732406400010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_log (
        seq            bigint PRIMARY KEY,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        caller_subject text NOT NULL,
        caller_agency  text NOT NULL,
        caller_roles   text[] NOT NULL CHECK (${plainList('caller_roles')}),
        purpose        text,
        operation_name text,
        request_id     text NOT NULL,
        subjects       text[] NOT NULL CHECK (${plainList('subjects')}),
        fields         text[] NOT NULL CHECK (${plainList('fields')}),
        prev_hash      bytea NOT NULL,
        hash           bytea NOT NULL
      )`);
    // "Who looked at this person" (subjects && $1) and "what did this caller look at".
    await runner.query('CREATE INDEX audit_log_subjects_idx ON audit_log USING gin (subjects)');
    await runner.query('CREATE INDEX audit_log_caller_idx ON audit_log (caller_subject, seq)');

    // Netstrings ("<octets>:<value>,", "-:," for NULL) make the encoding unambiguous: no value
    // can be mistaken for a separator, and NULL differs from ''. A list is the netstring of the
    // concatenated netstrings of its items, so ['a,b'] and ['a', 'b'] differ too. Lengths count
    // UTF-8 octets whatever the server encoding, as the verifier does in TypeScript.
    // search_path is pinned so a session with another path still finds these functions.
    await runner.query(`
      CREATE FUNCTION audit_log_netstring(value text) RETURNS text
        LANGUAGE sql STABLE SET search_path FROM CURRENT
        AS $$
          SELECT CASE WHEN value IS NULL THEN '-:,'
                      ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value || ',' END
        $$`);
    await runner.query(`
      CREATE FUNCTION audit_log_netstring_list(items text[]) RETURNS text
        LANGUAGE sql STABLE SET search_path FROM CURRENT
        AS $$
          SELECT audit_log_netstring(coalesce(
            (SELECT string_agg(audit_log_netstring(item), '' ORDER BY position)
               FROM unnest(items) WITH ORDINALITY AS list (item, position)),
            ''))
        $$`);

    // Appends are serialised by a transaction-scoped advisory lock, so the "last record" read
    // below cannot change until this transaction ends. The function is VOLATILE, so in READ
    // COMMITTED that read takes a fresh snapshot after the lock is granted and sees every record
    // committed while this one waited. (In REPEATABLE READ it would not; the primary key then
    // refuses the duplicate seq instead of forking the chain.) Seq comes from the last record
    // rather than a sequence so that a rolled-back append leaves no gap: a gap always means a
    // deleted record. The table is read through the trigger's own schema and name so that a
    // temporary table of the same name cannot stand in for it.
    await runner.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger
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
          -- The database's clock, read once the lock is held: the application cannot backdate a
          -- record, and time follows seq. timestamptz keeps microseconds, as the encoding does.
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
            || audit_log_netstring_list(NEW.fields),
            'UTF8'));
          RETURN NEW;
        END
        $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);

    await runner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
        BEGIN
          RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
            USING HINT = 'Audit records are evidence; record a correction by appending a new record.';
        END
        $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await runner.query(`
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await runner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    // PUBLIC holds none of these by default; revoking states the intent and undoes any default
    // privileges an operator may have set up for PUBLIC on new tables.
    await runner.query('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC');
  }

  async down(runner: QueryRunner): Promise<void> {
    // Dropping the table drops its indexes and triggers.
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_refuse_change()');
    await runner.query('DROP FUNCTION audit_log_chain()');
    await runner.query('DROP FUNCTION audit_log_netstring_list(text[])');
    await runner.query('DROP FUNCTION audit_log_netstring(text)');
  }
}

/** The kit's audit trail migrations, for each subgraph that records access to personal data. */
export const auditTrailMigrations = [
  CreateAuditTrail1732406400010,
  AddAuditDataSubject1732406400020,
  SplitAuditTrailIntoChains1732406400030,
  AddWriteAuditRecords1766000000030,
];
