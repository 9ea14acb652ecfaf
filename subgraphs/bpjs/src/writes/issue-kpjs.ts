import type { TransactionQueries } from '@jembatan/kit';

/**
 * Spreads consecutive serials over the 9-digit space, so numbers issued one after another do not
 * look consecutive: multiplying by 3^18, which shares no factor with 10^9, is a permutation of it.
 */
const SPREAD = 387_420_489;
const SERIALS = 1_000_000_000;
/** Collisions with seeded numbers are rare (a few per ten thousand); rounds only bound a pathology. */
const MAX_ROUNDS = 8;

// One statement per round for any count: the sequence gives serials no other writer gets, and
// numbers a seed already gave (its serials are random) are left out and made up next round.
const ISSUE_SQL = `
  SELECT kpj FROM (
    SELECT $2::text || lpad(((nextval('kpj_issue_seq') * ${SPREAD}) % ${SERIALS})::text, 9, '0') AS kpj
      FROM generate_series(1, $1::int)
  ) AS candidate
  WHERE NOT EXISTS (SELECT 1 FROM participant p WHERE p.kpj = candidate.kpj)`;

/**
 * `count` new KPJs for participants registered on `registeredOn`: 11 digits, the two-digit year of
 * registration then a 9-digit serial, as the seeds issue them (see seed-world's kpj.ts), and never
 * one a participant already has. Unique across concurrent writers through the sequence.
 */
export async function issueKpjs(
  transaction: TransactionQueries,
  count: number,
  registeredOn: string,
): Promise<string[]> {
  const issued: string[] = [];
  for (let round = 0; issued.length < count; round++) {
    if (round === MAX_ROUNDS) throw new Error(`could not issue ${count} unused KPJs in ${MAX_ROUNDS} rounds`);
    const rows = (await transaction.query(ISSUE_SQL, [count - issued.length, registeredOn.slice(2, 4)])) as {
      kpj: string;
    }[];
    issued.push(...rows.map((row) => row.kpj));
  }
  return issued;
}
