import type { Database } from '../db/database';
import type { TransactionQueries } from '../events/append-to-outbox';

/** What a record is about: a request's reads, a write, or a write that was refused. */
export type AuditAction = 'READ' | 'WRITE' | 'WRITE_REFUSED';

/**
 * One request's reads of personal data in one agency, as the audit trail records them: who
 * asked, on behalf of which agency and roles, why, and which data subjects and fields they read.
 */
export interface AuditEntry {
  callerSubject: string;
  callerAgency: string;
  callerRoles: readonly string[];
  /** The declared purpose of access, or null when none was declared. */
  purpose: string | null;
  operationName: string | null;
  requestId: string;
  /** Data subjects as prefixed identifiers, e.g. 'nik:3174015203850001', 'kpj:12345678901'. */
  subjects: readonly string[];
  /** Schema coordinates read, e.g. 'Worker.monthlyWage'. */
  fields: readonly string[];
  /** The NIK a DATA_SUBJECT_REQUEST declared it was made for; null under every other purpose. */
  dataSubject: string | null;
  /** 'READ' when absent. For a write, `fields` are the fields it changed (or, refused, attempted). */
  action?: AuditAction;
  /** A write's changed fields with the keyed digest of each new value, never the value: `Worker.monthlyWage=<hex>`. */
  changes?: readonly string[];
  /** The catalogued code a refused write got; null otherwise. */
  refusalCode?: string | null;
}

// seq, occurred_at, chain, chain_seq, prev_hash and hash are the trigger's to set: the caller cannot choose them.
const INSERT_INTO = `
  INSERT INTO audit_log
    (caller_subject, caller_agency, caller_roles, purpose, operation_name, request_id, subjects, fields, data_subject,
     action, changes, refusal_code)
  VALUES`;
const PARAMETERS_PER_RECORD = 12;

/** The placeholders of the record at `index` of one INSERT, typed as APPEND_SQL's columns. */
function rowPlaceholders(index: number): string {
  const $ = (column: number) => `$${index * PARAMETERS_PER_RECORD + column}`;
  return `(${$(1)}, ${$(2)}, ${$(3)}::text[], ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}::text[], ${$(8)}::text[], ${$(9)}, ${$(10)}, ${$(11)}::text[], ${$(12)})`;
}

const APPEND_SQL = `${INSERT_INTO} ${rowPlaceholders(0)}`;

const appendParameters = (entry: AuditEntry) => [
  entry.callerSubject,
  entry.callerAgency,
  [...entry.callerRoles],
  entry.purpose,
  entry.operationName,
  entry.requestId,
  [...entry.subjects],
  [...entry.fields],
  entry.dataSubject,
  entry.action ?? 'READ',
  [...(entry.changes ?? [])],
  entry.refusalCode ?? null,
];

/**
 * Appends one record to the audit trail in one statement, committed on its own. Call it outside
 * any open transaction: an append holds its chain's lock until commit, so an append inside a long
 * transaction would keep that chain from every other request's.
 */
export async function appendAuditEntry(database: Database, entry: AuditEntry): Promise<void> {
  await database.dataSource.query(APPEND_SQL, appendParameters(entry));
}

/**
 * Appends several records in one statement, committed together: each is chained by the trigger as
 * if appended alone, in list order. Outside any open transaction, as appendAuditEntry.
 */
export async function appendAuditEntries(database: Database, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await database.dataSource.query(
    `${INSERT_INTO} ${entries.map((_, index) => rowPlaceholders(index)).join(', ')}`,
    entries.flatMap(appendParameters),
  );
}

/**
 * Appends one record inside the caller's open transaction, so it commits exactly when the change
 * it records does. Its chain stays locked until that commit: append last, just before committing.
 */
export async function appendAuditEntryIn(transaction: TransactionQueries, entry: AuditEntry): Promise<void> {
  await transaction.query(APPEND_SQL, appendParameters(entry));
}
