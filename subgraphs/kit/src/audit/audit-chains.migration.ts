import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainFunction } from './audit-data-subject.migration';
import { chainsFunction } from './audit-chains-function';
import { CHAIN_LINK_SQL } from './canonical-record';
import { MAX_AUDIT_CHAINS } from './audit-chain-limits';

/** How many chains a trail gets: more than the appends one agency's services run at once. */
export const DEFAULT_AUDIT_CHAINS = 16;

export { MAX_AUDIT_CHAINS };

/**
 * Splits the audit trail into several hash chains, so concurrent appends no longer wait for each
 * other. Until now every append held one advisory lock until its transaction committed, so the
 * whole service appended one record at a time, each waiting for the one before to reach the disk:
 * adding the audit INSERTs to a hand-written SQL floor cut its throughput 3–6× at 16 callers.
 *
 * Now an append takes the lock of the first chain no other transaction holds (pg_try_advisory_
 * xact_lock over the chains, starting at the backend's pid so each connection tends to keep its
 * own chain), and links the record to the last record of that chain. Only when every chain is
 * busy does it wait, for one. A transaction that already holds a chain finds it free (advisory
 * locks are re-entrant), so it never waits while holding one: chains cannot deadlock.
 *
 * Why this and not the other ways of not serialising appends:
 * - it is one trigger, as before: no process of our own to run, restart or recover, and PGlite
 *   (one backend, statements one at a time) runs exactly the same SQL, where it simply always
 *   finds its first chain free;
 * - a sequencer that chains records appended unchained would leave a tail that proves nothing
 *   until it runs, and needs that process alive on every deployment, the embedded one included;
 * - group commit (one INSERT for the records of concurrent requests) couples requests' latencies
 *   in the application, and still serialises the groups.
 *
 * What stays true, per chain: each record's hash covers the record before it in its chain, its
 * number in the chain (chain_seq: 1, 2, 3… with no gaps, so a gap is a removal) and its chain, so
 * removing, inserting, moving or editing any record breaks its chain where it happened.
 * verify-audit-chain.ts walks every chain. Records written before this migration stay as they
 * are: they make up the start of chain 0, numbered by their seq (chain_seq is NULL for them, which
 * is also what tells the verifier they hash without chain and chain_seq), and chain 0 goes on
 * from the last of them. The append-only triggers and the privileges are unchanged.
 *
 * seq stays the record's id and the readers' order (newest first), but it now comes from a
 * sequence: taken under the chain's lock, it grows along every chain, while across chains it can
 * skip numbers (a rolled-back append) and two records committed close together may become
 * visible out of seq order. A gap in seq no longer means anything; a gap in a chain_seq does.
 * The services' application role keeps needing only SELECT and INSERT on audit_log: PUBLIC may
 * draw numbers from the sequence, which lets anyone make a gap in seq and nothing else.
 *
 * The number of chains is the trigger's argument (DEFAULT_AUDIT_CHAINS): more than the appends
 * that run at once (the services' pool sizes together), or appends queue for a chain again. The
 * owner can change it at any time (setAuditChainCount); fewer chains leave the others as they are.
 */
export class SplitAuditTrailIntoChains1732406400030 implements MigrationInterface {
  name = 'SplitAuditTrailIntoChains1732406400030';

  async up(runner: QueryRunner): Promise<void> {
    // ALTER TABLE locks the table: appends in flight finish first, and new ones wait for the
    // commit, so no record is chained the old way after this.
    await runner.query(`
      ALTER TABLE audit_log
        ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain >= 0 AND chain < ${MAX_AUDIT_CHAINS}),
        ADD COLUMN chain_seq bigint CHECK (chain_seq > 0)`);
    // Every record from now on has a chain_seq; the older ones are exempt (NOT VALID).
    await runner.query(`
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_seq_set CHECK (chain_seq IS NOT NULL) NOT VALID`);
    // One record per place in a chain: two transactions can never fork a chain. It is also how
    // an append finds its chain's last record and how the verifier walks the chains.
    await runner.query(`CREATE UNIQUE INDEX audit_log_chain_idx ON audit_log (chain, (${CHAIN_LINK_SQL}))`);

    await runner.query('CREATE SEQUENCE audit_log_seq AS bigint OWNED BY audit_log.seq');
    await runner.query(`SELECT setval('audit_log_seq', coalesce(max(seq), 0) + 1, false) FROM audit_log`);
    await runner.query('GRANT USAGE ON SEQUENCE audit_log_seq TO PUBLIC');

    // The table and its sequence are found through the trigger's own schema and name, so that a
    // temporary table or sequence of the same name cannot stand in for them.
    await runner.query(chainsFunction(''));
    await runner.query('DROP TRIGGER audit_log_chain ON audit_log');
    await runner.query(`
      CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_chain('${DEFAULT_AUDIT_CHAINS}')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER audit_log_chain ON audit_log');
    await runner.query(
      chainFunction(`
        || CASE WHEN NEW.data_subject IS NULL THEN '' ELSE audit_log_netstring(NEW.data_subject) END`),
    );
    await runner.query(`
      CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await runner.query('DROP SEQUENCE audit_log_seq');
    // Dropping the columns drops their index and constraints.
    await runner.query('ALTER TABLE audit_log DROP COLUMN chain_seq, DROP COLUMN chain');
  }
}
