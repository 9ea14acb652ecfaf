import type { Database } from '../db/database';
import { auditRecordHash, GENESIS_HASH } from './canonical-record';
import { AUDIT_ROW_COLUMNS, toCanonicalRecord, type AuditRow } from './audit-row';

export interface AuditChainReport {
  /** How many records the log holds. */
  entries: number;
  /** The first record found missing, inserted, altered or out of place; null when the chain is intact. */
  firstBroken: null | { seq: number; problem: string };
  /**
   * The last record and its hash (hex), or null for an empty log. A chain proves that nothing
   * before the head changed, but someone able to rewrite the table could drop or rewrite the
   * newest records and re-chain them; comparing the head with one noted down earlier (or kept
   * outside the database) exposes that as well.
   */
  head: null | { seq: number; hash: string };
}

export interface VerifyAuditChainOptions {
  /** Records per query; the walk holds one batch in memory at a time. */
  batchSize?: number;
}

/** The smallest bigint: the keyset walk starts below any seq, so even a forged seq 0 is read. */
const BEFORE_ANY_SEQ = '-9223372036854775808';

const WALK_SQL = `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE seq > $1::bigint ORDER BY seq LIMIT $2`;

interface Linked {
  seq: number;
  hash: Buffer;
}

/**
 * Why `row` cannot follow `previous` (null for the first record), or null when it can. Checks
 * run in the order that names the cause: numbering first (a gap is a removal), then the link to
 * the previous record (a record chained past its predecessor means that predecessor was put in
 * later), then the record's own hash (its contents changed after it was written).
 */
function findProblem(
  row: AuditRow,
  previous: Linked | null,
  beforePrevious: Linked | null,
): AuditChainReport['firstBroken'] {
  const seq = Number(row.seq_text);
  const expected = previous ? previous.seq + 1 : 1;
  if (seq > expected) {
    const missing =
      seq - expected === 1 ? `record ${expected} is missing` : `records ${expected} to ${seq - 1} are missing`;
    const where = previous ? `record ${seq} follows record ${previous.seq}` : `the log starts at record ${seq}`;
    return { seq: expected, problem: `${missing}: ${where}` };
  }
  if (seq < expected) return { seq, problem: `record ${seq} is out of place: the log starts at record 1` };

  if (!previous) {
    if (!row.prev_hash.equals(GENESIS_HASH)) {
      return { seq, problem: 'record 1 does not start the chain: it is chained to an earlier record that is missing' };
    }
  } else if (!row.prev_hash.equals(previous.hash)) {
    if (beforePrevious && row.prev_hash.equals(beforePrevious.hash)) {
      return {
        seq: previous.seq,
        problem: `record ${previous.seq} was inserted: record ${seq} is chained to record ${beforePrevious.seq}, not to it`,
      };
    }
    return {
      seq,
      problem: `record ${seq} does not follow record ${previous.seq}: it is chained to another record (record ${previous.seq} was replaced, or records were removed before record ${seq})`,
    };
  }

  if (!auditRecordHash(row.prev_hash, toCanonicalRecord(row)).equals(row.hash)) {
    return { seq, problem: `record ${seq} was altered: its hash does not match its contents` };
  }
  return null;
}

/**
 * Walks the whole audit trail in seq order and recomputes every hash in this process, so the
 * check trusts neither the stored hashes nor the database's functions. Batches are read by
 * keyset (seq > last seen), so millions of records take a bounded amount of memory; records
 * appended during the walk are simply included.
 */
export async function verifyAuditChain(
  database: Database,
  { batchSize = 10_000 }: VerifyAuditChainOptions = {},
): Promise<AuditChainReport> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  let entries = 0;
  let firstBroken: AuditChainReport['firstBroken'] = null;
  let previous: Linked | null = null;
  let beforePrevious: Linked | null = null;
  let after = BEFORE_ANY_SEQ;
  for (;;) {
    const rows: AuditRow[] = await database.dataSource.query(WALK_SQL, [after, batchSize]);
    for (const row of rows) {
      // After the first problem the rest is still counted, but not judged: every later link
      // would only repeat the same break.
      firstBroken ??= findProblem(row, previous, beforePrevious);
      beforePrevious = previous;
      previous = { seq: Number(row.seq_text), hash: row.hash };
      entries += 1;
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.seq_text;
  }
  return {
    entries,
    firstBroken,
    head: previous ? { seq: previous.seq, hash: previous.hash.toString('hex') } : null,
  };
}
