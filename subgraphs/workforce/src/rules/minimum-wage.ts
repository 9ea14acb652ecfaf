import { JembatanError } from '@jembatan/kit';
import { WorkerCategory } from '../types';

/**
 * UMP DKI Jakarta by year, Rp/month (domain.md §4.5). 2022 is the Kepgub 1517/2021 figure
 * (annulled by PTUN Jakarta, but the 2023 UMP was computed from it).
 */
const UMP_DKI: ReadonlyMap<number, number> = new Map([
  [2012, 1_529_150],
  [2013, 2_200_000],
  [2014, 2_441_000],
  [2015, 2_700_000],
  [2016, 3_100_000],
  [2017, 3_355_750],
  [2018, 3_648_035],
  [2019, 3_940_973],
  [2020, 4_276_349],
  [2021, 4_416_186],
  [2022, 4_641_854],
  [2023, 4_901_798],
  [2024, 5_067_381],
  [2025, 5_396_761],
]);

export const FIRST_UMP_YEAR = 2012;
const LAST_UMP_YEAR = 2025;

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
