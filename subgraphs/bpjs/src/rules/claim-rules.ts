import { jkmBenefit } from '@jembatan/seed-world';
import { Program } from '../types/enums';
import { refusal, type RuleRefusal } from './rule-refusal';

/** A period of one programme's cover: `until` is the last covered day, null while it lasts. */
export interface CoverPeriod {
  program: Program | string;
  since: string;
  until: string | null;
}

/** Refuses a claim for a programme the participant was not covered by on the incident date. */
export function coverageRefusal(
  periods: readonly CoverPeriod[],
  program: Program,
  incidentDate: string,
): RuleRefusal | null {
  const covered = periods.some(
    (period) =>
      period.program === program &&
      period.since <= incidentDate &&
      (period.until === null || incidentDate <= period.until),
  );
  if (covered) return null;
  return refusal('NOT_COVERED', `The participant was not covered by ${program} on ${incidentDate}`, {
    program,
    incidentDate,
  });
}

/**
 * The JKM lump-sum package for a death on the date: Rp21 juta in the Jamsostek era (before July
 * 2015), Rp24 juta under PP 44/2015, Rp42 juta under PP 82/2019 (from 2 December 2019).
 */
export function jkmStatutoryAmount(incidentDate: string): bigint {
  return BigInt(jkmBenefit(incidentDate));
}

/** Refuses a negative amount, and a JKM amount other than the package of the death's date. */
export function claimAmountRefusal(program: Program, incidentDate: string, amount: bigint): RuleRefusal | null {
  if (amount < 0n)
    return refusal('CLAIM_AMOUNT_INVALID', 'A claim amount cannot be negative', { amount: String(amount) });
  if (program !== Program.JKM) return null;
  const statutory = jkmStatutoryAmount(incidentDate);
  if (amount === statutory) return null;
  return refusal(
    'CLAIM_AMOUNT_INVALID',
    `A JKM claim for a death on ${incidentDate} is paid at the statutory Rp${statutory}, not Rp${amount}`,
    { program, statutoryAmount: String(statutory), amount: String(amount) },
  );
}
