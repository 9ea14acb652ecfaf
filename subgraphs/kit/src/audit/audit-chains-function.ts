import { MAX_AUDIT_CHAINS } from './audit-chain-limits';
import { AUDIT_APPEND_LOCK_KEY, CHAIN_LINK_SQL, OCCURRED_AT_FORMAT } from './canonical-record';

/**
 * The append trigger of an audit trail split into chains (SplitAuditTrailIntoChains1732406400030),
 * with `hashedTail` appended to the text its hash covers: each later migration that adds hashed
 * columns recreates it with a longer tail (AddWriteAuditRecords1766000000030).
 */
export const chainsFunction = (hashedTail: string) => `
      CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
        LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT
        AS $$
        DECLARE
          chains    integer := TG_ARGV[0]::integer;
          start_at  integer;
          chosen    integer;
          last_link bigint;
          last_hash bytea;
        BEGIN
          IF chains IS NULL OR chains NOT BETWEEN 1 AND ${MAX_AUDIT_CHAINS} THEN
            RAISE EXCEPTION 'audit_log_chain needs a number of chains from 1 to ${MAX_AUDIT_CHAINS}, not %', TG_ARGV[0];
          END IF;
          start_at := pg_backend_pid() % chains;
          FOR i IN 0 .. chains - 1 LOOP
            IF pg_try_advisory_xact_lock(${AUDIT_APPEND_LOCK_KEY}::bigint + (start_at + i) % chains) THEN
              chosen := (start_at + i) % chains;
              EXIT;
            END IF;
          END LOOP;
          IF chosen IS NULL THEN
            chosen := start_at;
            PERFORM pg_advisory_xact_lock(${AUDIT_APPEND_LOCK_KEY}::bigint + chosen);
          END IF;
          -- VOLATILE: in READ COMMITTED this read takes a fresh snapshot once the lock is held.
          EXECUTE format('SELECT ${CHAIN_LINK_SQL}, hash FROM %I.%I WHERE chain = $1 ORDER BY ${CHAIN_LINK_SQL} DESC LIMIT 1',
                         TG_TABLE_SCHEMA, TG_TABLE_NAME)
            INTO last_link, last_hash USING chosen;
          NEW.chain := chosen;
          NEW.chain_seq := coalesce(last_link, 0) + 1;
          NEW.seq := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'seq'));
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
            || audit_log_netstring_list(NEW.fields)
            || CASE WHEN NEW.data_subject IS NULL THEN '' ELSE audit_log_netstring(NEW.data_subject) END
            || audit_log_netstring(NEW.chain::text)
            || audit_log_netstring(NEW.chain_seq::text)${hashedTail},
            'UTF8'));
          RETURN NEW;
        END
        $$`;
