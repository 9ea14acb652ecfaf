import type { Database } from '../db/database';
import type { AuditAction, AuditEntry } from './audit-entry';
import { AUDIT_ROW_COLUMNS, toCanonicalRecord, type AuditRow } from './audit-row';

/** A record of the audit trail as readers see it. */
export type AuditRecord = AuditEntry & {
  action: AuditAction;
  changes: readonly string[];
  refusalCode: string | null;
  seq: number;
  /** When the database appended it: ISO 8601 in UTC, with microseconds. */
  occurredAt: string;
  /** The record's chain hash, hex. */
  hash: string;
};

export interface AccessLogFilter {
  /** Records that read any of these data subjects ('nik:…', 'kpj:…'); an empty list matches none. */
  subjects?: readonly string[];
  /** Records of this caller only. */
  callerSubject?: string;
  /** How many records to return at most. */
  first: number;
  /** Continue after a previous page: only records older than this seq. */
  afterSeq?: number;
}

function toAuditRecord(row: AuditRow): AuditRecord {
  return { ...toCanonicalRecord(row), seq: Number(row.seq_text), hash: row.hash.toString('hex') };
}

/**
 * Who read whose data, newest first: the processing trail a data subject may ask for (UU 27/2022
 * Pasal 32) and what an auditor reviews of one caller. One statement; only the filters given
 * become conditions, so the planner sees each query's real shape (the GIN index on subjects,
 * the (caller_subject, seq) index for one caller). Without filters it pages the whole log.
 */
export async function readAccessLog(database: Database, filter: AccessLogFilter): Promise<AuditRecord[]> {
  if (!Number.isInteger(filter.first) || filter.first < 0) throw new RangeError('first must be a non-negative integer');
  if (filter.afterSeq !== undefined && !Number.isInteger(filter.afterSeq)) {
    throw new RangeError('afterSeq must be an integer');
  }
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.subjects !== undefined) conditions.push(`subjects && ${param([...filter.subjects])}::text[]`);
  if (filter.callerSubject !== undefined) conditions.push(`caller_subject = ${param(filter.callerSubject)}`);
  if (filter.afterSeq !== undefined) conditions.push(`seq < ${param(filter.afterSeq)}`);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows: AuditRow[] = await database.dataSource.query(
    `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log ${where} ORDER BY seq DESC LIMIT ${param(filter.first)}`,
    params,
  );
  return rows.map(toAuditRecord);
}
