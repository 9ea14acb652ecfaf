import {
  COMPANY_FIRST_WORDS,
  COMPANY_FORMS,
  COMPANY_SECOND_WORDS,
  COMPANY_TRADES,
  NATIONAL_NPP_SERIAL_BASE,
} from '@jembatan/seed-world';
import type { Period } from './blocks';
import { provinceIndex } from './regions-sql';
import { dateInPeriods } from './sql-dates';
import { permuted } from './sql-permutation';
import { pick } from './sql-random';

/**
 * A national employer's attributes as SQL expressions of its row number `e` (0-based), so that
 * the employer insert and its wage earners (who need its province, NPP and registration date)
 * compute the same values without a join.
 */

/**
 * Registration periods end mid-2015, before every wage earner's last possible registration, so a
 * worker can always be registered on or after their employer.
 */
const EMPLOYER_REGISTRATIONS: readonly Period[] = [
  { from: '1978-01-01', to: '1994-12-31', weight: 1 },
  { from: '1995-01-01', to: '2004-12-31', weight: 1.5 },
  { from: '2005-01-01', to: '2011-12-31', weight: 2.5 },
  { from: '2012-01-01', to: '2015-06-30', weight: 2.5 },
];

/** The NPP serial space, 500 × 1,000, for the permutation of row numbers onto it. */
const NPP_SERIALS = [500, 1_000] as const;
export const MAX_NATIONAL_EMPLOYERS = NATIONAL_NPP_SERIAL_BASE;

export function employerProvince(e: string): string {
  return provinceIndex(e, 'employer/province');
}

export function employerRegistration(e: string): string {
  return dateInPeriods(e, 'employer/registered', EMPLOYER_REGISTRATIONS);
}

/**
 * Registration year and a serial from the national half of the NPP space (see seed-world's
 * npp.ts), a permutation of the row number: NPPs are unique by construction.
 */
export function employerNpp(e: string, registeredOn: string): string {
  return `(to_char(${registeredOn}, 'YY') || (${NATIONAL_NPP_SERIAL_BASE} + ${permuted(e, ...NPP_SERIALS, 'employer/npp')})::text)`;
}

export function employerName(e: string): string {
  return `concat_ws(' ', ${pick(COMPANY_FORMS, e, 'employer/form')}, ${pick(COMPANY_FIRST_WORDS, e, 'employer/first')}, ${pick(COMPANY_SECOND_WORDS, e, 'employer/second')}, nullif(${pick(COMPANY_TRADES, e, 'employer/trade')}, ''))`;
}
