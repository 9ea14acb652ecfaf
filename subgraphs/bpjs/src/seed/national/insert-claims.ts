import { CONTRIBUTION_RATES, JKK_AMOUNT, jkmBenefit, JP_START, jpWageCap } from '@jembatan/seed-world';
import type { Program } from '@jembatan/seed-world';
import type { NationalLayout } from './layout';
import { peopleSelect } from './people-select';
import { normal, sqlDate, uniform } from './sql-random';

/**
 * The 2016 claims of the claimant blocks, one per claimant, filed from New Year to 15 March at
 * the branch of the claimant's home regency, which is never in DKI: DKI's figures stay the
 * article's to the Rupiah.
 */
const LAST_FILING_DAY = '2016-03-15';
/** As the world's statusFor: claims filed in the last 30 days may still be open; 7% are refused. */
const OPEN_CLAIM_DAYS = 30;
const REJECTED_SHARE = 0.07;

function monthsBetween(from: string, to: string): string {
  return `(extract(year from age(${to}, ${from})) * 12 + extract(month from age(${to}, ${from})))`;
}

/**
 * Savings programmes pay the balance. Contributions were made on lower past wages but earned the
 * yearly return, and the two roughly cancel, so the balance is the rate × today's wage × months.
 */
function amountOf(program: Program): string {
  switch (program) {
    case 'JHT':
      return `round(${CONTRIBUTION_RATES.JHT_PU} * wage * ${monthsBetween('registered_on', 'exit_on')})`;
    case 'JP': {
      const jpSince = `greatest(registered_on, ${sqlDate(JP_START)})`;
      return `round(${CONTRIBUTION_RATES.JP} * least(wage, ${jpWageCap('2015-12-31')}) * ${monthsBetween(jpSince, 'exit_on')})`;
    }
    case 'JKM':
      if (jkmBenefit('2016-01-01') !== jkmBenefit(LAST_FILING_DAY)) throw new Error('JKM benefit changed in 2016');
      return String(jkmBenefit('2016-01-01'));
    case 'JKK':
      return `round(least(${JKK_AMOUNT.max}, greatest(${JKK_AMOUNT.min}, ${JKK_AMOUNT.median} * exp(${JKK_AMOUNT.sigma} * ${normal('i', 'claim/jkk')}))))`;
    case 'JKP':
      throw new Error('JKP did not exist in 2016');
  }
}

function status(): string {
  const u = uniform('i', 'claim/status');
  return `CASE WHEN ${sqlDate(LAST_FILING_DAY)} - filed_on < ${OPEN_CLAIM_DAYS}
      THEN CASE WHEN ${u} < 0.4 THEN 'PAID' WHEN ${u} < 0.7 THEN 'VERIFIED' ELSE 'SUBMITTED' END
      WHEN ${u} < ${REJECTED_SHARE} THEN 'REJECTED' ELSE 'PAID' END`;
}

/**
 * Claim ids are `KLM-2016-NNNNNNN` from one national counter, of which DKI's ids are a share: the
 * national claims take the numbers DKI's leave free, in filing order, so they cannot collide.
 */
export function insertClaims(layout: NationalLayout): string {
  const drafts = layout.blocks
    .filter((block) => block.claim !== null && block.count > 0)
    .map(
      (block) => `SELECT i, kpj, '${block.claim}'::text AS program, filed_on, ${status()} AS status,
          ${amountOf(block.claim as Program)} AS amount, region_code
        FROM (${peopleSelect(block, block.first, block.first + block.count, layout)}) AS p`,
    );
  if (drafts.length === 0) return 'SELECT 1';
  return `WITH drafts AS (
      SELECT d.*, row_number() OVER (ORDER BY filed_on, i) AS n FROM (${drafts.join('\nUNION ALL\n')}) AS d
    ), free AS (
      SELECT number, row_number() OVER (ORDER BY number) AS n FROM (
        SELECT generate_series(1, ${layout.claims} + (SELECT count(*)::int FROM claim WHERE id LIKE 'KLM-2016-%')) AS number
        EXCEPT SELECT substr(id, 10)::int FROM claim WHERE id LIKE 'KLM-2016-%') AS f
    )
    INSERT INTO claim (id, kpj, program, filed_on, status, amount, region_code)
    SELECT 'KLM-2016-' || lpad(free.number::text, 7, '0'), kpj, program, filed_on, status, amount, region_code
      FROM drafts JOIN free USING (n)`;
}
