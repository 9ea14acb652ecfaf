import type { Database } from '../db/database';
import { auditRecordHash, CHAIN_LINK_SQL, GENESIS_HASH } from './canonical-record';
import { AUDIT_ROW_COLUMNS, toCanonicalRecord, type AuditRow } from './audit-row';

/** Where a chain first breaks: its number in the chain, the record there (null when it is missing), and why. */
export interface ChainBreak {
  chain: number;
  link: number;
  seq: number | null;
  problem: string;
}

export interface AuditChainReport {
  chain: number;
  /** How many records the chain holds. */
  entries: number;
  /** The first record found missing, inserted, altered or out of place; null when the chain is intact. */
  firstBroken: ChainBreak | null;
  /**
   * The chain's last record and its hash (hex). A chain proves that nothing before its head
   * changed, but someone able to rewrite the table could drop or rewrite a chain's newest records,
   * or a whole chain, and re-chain the rest; comparing the heads with ones noted down earlier (or
   * kept outside the database) exposes that as well.
   */
  head: { link: number; seq: number; hash: string };
}

export interface AuditTrailReport {
  /** How many records the trail holds, in all chains. */
  entries: number;
  /** Every chain that holds a record, by chain number. */
  chains: AuditChainReport[];
  /** The first break of the first broken chain; null when every chain is intact. */
  firstBroken: ChainBreak | null;
}

export interface VerifyAuditChainOptions {
  /** Records per query; the walk holds one batch in memory at a time. */
  batchSize?: number;
}

/** Below any chain and any link, so the walk reads even a forged chain -1 or link 0. */
const BEFORE_ANY = { chain: '-2147483648', link: '-9223372036854775808' };

// A keyset walk over the unique (chain, link) index: chain by chain, each in its own order.
const WALK_SQL = `
  SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log
   WHERE (chain, ${CHAIN_LINK_SQL}) > ($1::integer, $2::bigint)
   ORDER BY chain, ${CHAIN_LINK_SQL}
   LIMIT $3`;

interface Linked {
  link: number;
  seq: number;
  hash: Buffer;
}

const linksMissing = (from: number, to: number) =>
  from === to ? `link ${from} is missing` : `links ${from} to ${to} are missing`;

/**
 * Why `row` cannot follow `previous` in its chain (null for the chain's first record), or null
 * when it can. Checks run in the order that names the cause: numbering first (a gap is a
 * removal), then the link to the previous record (a record chained past its predecessor means
 * that predecessor was put in later), then the record's own hash (its contents changed after it
 * was written), then its place in seq order.
 */
function findProblem(row: AuditRow, previous: Linked | null, beforePrevious: Linked | null): ChainBreak | null {
  const { chain } = row;
  const link = Number(row.link_text);
  const seq = Number(row.seq_text);
  const expected = previous ? previous.link + 1 : 1;
  const problem = (at: number, atSeq: number | null, text: string) => ({ chain, link: at, seq: atSeq, problem: text });
  if (link > expected) {
    const where = previous
      ? `record ${seq} (link ${link}) follows record ${previous.seq} (link ${previous.link})`
      : `the chain starts at record ${seq} (link ${link})`;
    return problem(expected, null, `${linksMissing(expected, link - 1)}: ${where}`);
  }
  if (link < expected) {
    const claim = previous ? `after link ${previous.link}` : 'but links start at 1';
    return problem(link, seq, `record ${seq} is out of place: it claims link ${link} ${claim}`);
  }
  if (row.chain_seq_text === null && chain !== 0) {
    return problem(link, seq, `record ${seq} was moved: only chain 0 holds records from before there were chains`);
  }

  if (!previous) {
    if (!row.prev_hash.equals(GENESIS_HASH)) {
      return problem(
        link,
        seq,
        `record ${seq} does not start the chain: it is chained to an earlier record that is missing`,
      );
    }
  } else if (!row.prev_hash.equals(previous.hash)) {
    if (beforePrevious && row.prev_hash.equals(beforePrevious.hash)) {
      return problem(
        previous.link,
        previous.seq,
        `record ${previous.seq} was inserted: record ${seq} is chained to record ${beforePrevious.seq}, not to it`,
      );
    }
    return problem(
      link,
      seq,
      `record ${seq} does not follow record ${previous.seq}: it is chained to another record (record ${previous.seq} was replaced, or records were removed before record ${seq})`,
    );
  }

  if (!auditRecordHash(row.prev_hash, toCanonicalRecord(row)).equals(row.hash)) {
    return problem(link, seq, `record ${seq} was altered: its hash does not match its contents`);
  }
  // Only a record forged whole, hash and all, gets here out of order: seq is drawn under the
  // chain's lock, so it grows along every chain.
  if (previous && seq <= previous.seq) {
    return problem(link, seq, `record ${seq} is out of order: it follows record ${previous.seq}`);
  }
  return null;
}

/**
 * Walks every chain of the audit trail in its own order and recomputes every hash in this
 * process, so the check trusts neither the stored hashes nor the database's functions. Batches
 * are read by keyset ((chain, link) past the last seen), so millions of records take a bounded
 * amount of memory; records appended during the walk are included when their chain is reached.
 */
export async function verifyAuditChain(
  database: Database,
  { batchSize = 10_000 }: VerifyAuditChainOptions = {},
): Promise<AuditTrailReport> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const chains: AuditChainReport[] = [];
  let previous: Linked | null = null;
  let beforePrevious: Linked | null = null;
  let after = BEFORE_ANY;
  for (;;) {
    const rows: AuditRow[] = await database.dataSource.query(WALK_SQL, [after.chain, after.link, batchSize]);
    for (const row of rows) {
      let current = chains.at(-1);
      if (current?.chain !== row.chain) {
        current = { chain: row.chain, entries: 0, firstBroken: null, head: { link: 0, seq: 0, hash: '' } };
        chains.push(current);
        previous = beforePrevious = null;
      }
      // After the first problem the rest of the chain is still counted, but not judged: every
      // later link would only repeat the same break.
      current.firstBroken ??= findProblem(row, previous, beforePrevious);
      beforePrevious = previous;
      previous = { link: Number(row.link_text), seq: Number(row.seq_text), hash: row.hash };
      current.entries += 1;
      current.head = { link: previous.link, seq: previous.seq, hash: row.hash.toString('hex') };
    }
    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1]!;
    after = { chain: String(last.chain), link: last.link_text };
  }
  return {
    entries: chains.reduce((sum, chain) => sum + chain.entries, 0),
    chains,
    firstBroken: chains.find((chain) => chain.firstBroken)?.firstBroken ?? null,
  };
}
