import type { AuditAction } from './audit-entry';
import type { CanonicalRecord } from './canonical-record';
import { CHAIN_LINK_SQL, OCCURRED_AT_FORMAT } from './canonical-record';

/**
 * The columns readers select from audit_log. occurred_at is formatted by PostgreSQL, in UTC with
 * microseconds: a JavaScript Date would drop the microseconds the hash covers. seq and chain_seq
 * are read as text, as the hash encodes them, under other names: an output column named seq
 * would make `ORDER BY seq` sort the text. node-postgres returns text[] as string[], bytea as a
 * Buffer and smallint (chain) as a number.
 */
export const AUDIT_ROW_COLUMNS = `
  seq::text AS seq_text,
  to_char(occurred_at AT TIME ZONE 'UTC', ${OCCURRED_AT_FORMAT}) AS occurred_at,
  caller_subject, caller_agency, caller_roles, purpose, operation_name, request_id, subjects, fields,
  data_subject, action, changes, refusal_code, prev_hash, hash, chain, chain_seq::text AS chain_seq_text, ${CHAIN_LINK_SQL}::text AS link_text`;

export interface AuditRow {
  seq_text: string;
  occurred_at: string;
  caller_subject: string;
  caller_agency: string;
  caller_roles: string[];
  purpose: string | null;
  operation_name: string | null;
  request_id: string;
  subjects: string[];
  fields: string[];
  data_subject: string | null;
  action: AuditAction;
  changes: string[];
  refusal_code: string | null;
  prev_hash: Buffer;
  hash: Buffer;
  chain: number;
  chain_seq_text: string | null;
  /** The record's number in its chain (CHAIN_LINK_SQL). */
  link_text: string;
}

export function toCanonicalRecord(row: AuditRow): CanonicalRecord {
  return {
    seq: row.seq_text,
    occurredAt: row.occurred_at,
    callerSubject: row.caller_subject,
    callerAgency: row.caller_agency,
    callerRoles: row.caller_roles,
    purpose: row.purpose,
    operationName: row.operation_name,
    requestId: row.request_id,
    subjects: row.subjects,
    fields: row.fields,
    dataSubject: row.data_subject,
    action: row.action,
    changes: row.changes,
    refusalCode: row.refusal_code,
    chain: row.chain,
    chainSeq: row.chain_seq_text,
  };
}
