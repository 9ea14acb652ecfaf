import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainsFunction } from './audit-chains-function';

/** The part of the hashed text a write record adds; a plain read record adds nothing (see canonical-record.ts). */
const WRITE_TAIL = `
            || CASE WHEN NEW.action = 'READ' AND cardinality(NEW.changes) = 0 AND NEW.refusal_code IS NULL THEN ''
                    ELSE audit_log_netstring(NEW.action) || audit_log_netstring_list(NEW.changes)
                         || audit_log_netstring(NEW.refusal_code) END`;

/**
 * Lets the audit trail record writes as well as reads: `action` says which ('READ' for every
 * record before this migration, 'WRITE', 'WRITE_REFUSED'), `changes` lists each changed field
 * with a digest of its new value (`Worker.monthlyWage=<digest>`), `refusal_code` the catalogued
 * code a refused write got. The hash covers the three for every record that is not a plain read,
 * so records written before this migration hash exactly as before, while turning a write into a
 * read, or giving a read changes, breaks the record's hash.
 *
 * Digests, not values: the trail is read by auditors and shipped to archives that must not hold
 * wages or NIKs. A plain SHA-256 of a wage is no protection (there are a few million plausible
 * wages; hashing them all takes a second), nor of a NIK (region × birth date × serial is
 * enumerable). So the digest is an HMAC-SHA-256 under a per-agency secret key, which makes
 * guessing impossible without the key, while a holder of the key (the agency, answering an
 * auditor's "was the wage set to Rp3,100,000?") can still confirm a value.
 *
 * The key is generated here, 32 random bytes, and kept in the agency's own database
 * (write_digest_key), readable by nobody but its owner and the service: whoever can read that
 * table can already read the registry's values themselves, so a key kept beside the values gives
 * nothing away, while the digests leave with the trail (the access-log view, audit exports,
 * archives) without it. Every replica of a service shares the key with no configuration to
 * distribute, and it never changes, so digests of one value stay comparable over the years.
 */
export class AddWriteAuditRecords1766000000030 implements MigrationInterface {
  name = 'AddWriteAuditRecords1766000000030';

  async up(runner: QueryRunner): Promise<void> {
    // Defaults fill older records without rewriting the table; NOT VALID skips a scan of records
    // that hold those defaults, while every new record is checked.
    await runner.query(`
      ALTER TABLE audit_log
        ADD COLUMN action text NOT NULL DEFAULT 'READ',
        ADD COLUMN changes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN refusal_code text`);
    await runner.query(`
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_shape CHECK (
        action IN ('READ', 'WRITE', 'WRITE_REFUSED')
        AND (cardinality(changes) = 0
             OR (array_ndims(changes) = 1 AND array_lower(changes, 1) = 1 AND array_position(changes, NULL) IS NULL))
        AND (action = 'WRITE' OR cardinality(changes) = 0)
        AND ((action = 'WRITE_REFUSED') = (refusal_code IS NOT NULL))
      ) NOT VALID`);
    await runner.query(chainsFunction(WRITE_TAIL));

    await runner.query(`
      CREATE TABLE write_digest_key (
        id         smallint PRIMARY KEY CHECK (id = 1),
        key        bytea NOT NULL CHECK (octet_length(key) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('REVOKE ALL ON write_digest_key FROM PUBLIC');
    await runner.query('INSERT INTO write_digest_key (id, key) VALUES (1, $1)', [randomBytes(32)]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE write_digest_key');
    await runner.query(chainsFunction(''));
    await runner.query('ALTER TABLE audit_log DROP COLUMN refusal_code, DROP COLUMN changes, DROP COLUMN action');
  }
}
