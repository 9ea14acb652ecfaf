import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry } from './audit-entry';

/**
 * The hash chain's encoding, written a second time in TypeScript. The database computes each
 * hash when a record is appended (audit-trail.migration.ts); the verifier recomputes it here from
 * the stored columns, so verification does not depend on functions someone with access to the
 * database could have replaced. The two must stay byte-for-byte identical:
 *
 *   hash = sha256(prev_hash || utf8(
 *            ns(seq) ns(occurred_at) ns(caller_subject) ns(caller_agency) list(caller_roles)
 *            ns(purpose) ns(operation_name) ns(request_id) list(subjects) list(fields)
 *            [ns(data_subject)] [ns(chain) ns(chain_seq)] [ns(action) list(changes) ns(refusal_code)]))
 *
 *   ns(v)     = "<UTF-8 octet length of v>:<v>,"   or "-:," when v is NULL
 *   list(xs)  = ns(ns(x1) || ns(x2) || …)           ("0:," for an empty list)
 *   seq, chain and chain_seq as decimal digits; occurred_at as UTC "YYYY-MM-DDTHH:MM:SS.ffffffZ"
 *   prev_hash = the hash of the record before it in its chain, or 32 zero bytes for a chain's first
 *   [ns(data_subject)] only when the record names a data subject (AddAuditDataSubject1732406400020):
 *     records without one hash as every record did before that column existed
 *   [ns(chain) ns(chain_seq)] only when the record has a chain_seq (SplitAuditTrailIntoChains1732406400030):
 *     records written before the trail had chains have none; they make up the start of chain 0,
 *     numbered there by their seq, and hash as they always did
 *   [ns(action) list(changes) ns(refusal_code)] unless the record is a plain read (action 'READ', no
 *     changes, no refusal code) (AddWriteAuditRecords1766000000030): reads hash as every record did
 *     before writes were recorded, and a write passed off as a read no longer matches its hash
 */

// These constants are part of the stored format: existing chains depend on them, never change them.

/**
 * An append to chain k holds the transaction-scoped advisory lock AUDIT_APPEND_LOCK_KEY + k
 * ("jbtaudit" as a signed 64-bit integer); before there were chains, every append took this one.
 */
export const AUDIT_APPEND_LOCK_KEY = '7665817477668170100';

/** A record's number in its chain: chain_seq, or seq for a record written before there were chains. */
export const CHAIN_LINK_SQL = 'coalesce(chain_seq, seq)';

/** The prev_hash of record 1. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** The format PostgreSQL's to_char writes occurred_at in, for the hash and for readers. */
export const OCCURRED_AT_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** The columns a record's hash covers, as the database stores them: the entry, its place and time. */
export type CanonicalRecord = AuditEntry & {
  /** Decimal digits, as PostgreSQL prints a bigint. */
  seq: string;
  /** UTC with microseconds, in OCCURRED_AT_FORMAT. */
  occurredAt: string;
  /** The chain the record was appended to; 0 for every record written before there were chains. */
  chain: number;
  /** Its number in that chain, decimal; null for a record written before there were chains. */
  chainSeq: string | null;
  action: AuditAction;
  changes: readonly string[];
  refusalCode: string | null;
};

const isPlainRead = (record: CanonicalRecord) =>
  record.action === 'READ' && record.changes.length === 0 && record.refusalCode === null;

const netstring = (value: string | null): string =>
  value === null ? '-:,' : `${Buffer.byteLength(value, 'utf8')}:${value},`;

const netstringList = (items: readonly string[]): string => netstring(items.map(netstring).join(''));

export function canonicalRecordText(record: CanonicalRecord): string {
  return [
    netstring(record.seq),
    netstring(record.occurredAt),
    netstring(record.callerSubject),
    netstring(record.callerAgency),
    netstringList(record.callerRoles),
    netstring(record.purpose),
    netstring(record.operationName),
    netstring(record.requestId),
    netstringList(record.subjects),
    netstringList(record.fields),
    record.dataSubject === null ? '' : netstring(record.dataSubject),
    record.chainSeq === null ? '' : netstring(String(record.chain)) + netstring(record.chainSeq),
    isPlainRead(record) ? '' : netstring(record.action) + netstringList(record.changes) + netstring(record.refusalCode),
  ].join('');
}

/** The hash a record must carry when it follows a record whose hash is `prevHash`. */
export function auditRecordHash(prevHash: Buffer, record: CanonicalRecord): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalRecordText(record), 'utf8').digest();
}
