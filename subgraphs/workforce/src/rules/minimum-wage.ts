import { FIRST_UMP_YEAR, JembatanError, LAST_UMP_YEAR, UMP_DKI } from '@jembatan/kit';
import { WorkerCategory } from '../types';

/**
 * The categories paid at least the UMP: PPSU by Pergub 169/2015 ("paid at UMP"), PKP by the
 * 2016 agreement's contracts (domain.md §4.4). Kebersihan field crews are day labourers (PHL)
 * whose pay follows other rules, so no floor is enforced for them.
 */
const PAID_AT_LEAST_UMP: ReadonlySet<WorkerCategory> = new Set([WorkerCategory.PKP, WorkerCategory.PPSU]);

/**
 * The UMP DKI of a year. A year after the last known one takes the last known UMP: the real one
 * is never lower, so the check refuses nothing it should accept, and the table needs a new row
 * each November to catch wages between the two.
 */
export function umpDki(year: number): number | null {
  if (year < FIRST_UMP_YEAR) return null;
  return UMP_DKI.get(Math.min(year, LAST_UMP_YEAR)) ?? null;
}

/** Refuses a monthly wage that is not positive, or below the UMP of the contract start's year where one applies. */
export function checkMonthlyWage(category: WorkerCategory, contractStart: string, monthlyWage: string): void {
  if (!/^[1-9]\d{0,14}$/.test(monthlyWage)) {
    throw new JembatanError('BAD_USER_INPUT', 'monthlyWage must be a positive whole number of Rupiah', {
      argument: 'monthlyWage',
    });
  }
  if (!PAID_AT_LEAST_UMP.has(category)) return;
  const year = Number(contractStart.slice(0, 4));
  const minimum = umpDki(year);
  if (minimum !== null && Number(monthlyWage) < minimum) {
    throw new JembatanError(
      'WAGE_BELOW_MINIMUM',
      `A ${category} contract starting in ${year} pays at least the UMP DKI of Rp${minimum.toLocaleString('id-ID')} a month`,
      { argument: 'monthlyWage', minimum: String(minimum), year },
    );
  }
}
