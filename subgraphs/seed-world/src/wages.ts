import { FIRST_UMP_YEAR, LAST_UMP_YEAR, UMP_DKI } from '@jembatan/kit/wages';
import type { IsoDate } from './dates';

const FIRST_YEAR = FIRST_UMP_YEAR;
const LAST_YEAR = LAST_UMP_YEAR;
/**
 * Before 2012 our sources stop. DKI's UMP grew about 11% a year in the 2000s (1,529,150 in 2012
 * back-extrapolated gives ≈736,000 for 2005, near the commonly quoted 2005 figure of about
 * 712,000), so
 * earlier years are extrapolated at that rate.
 */
const EARLIER_YEARLY_GROWTH = 1.11;

export const UMP_2016 = 3_100_000;

export function umpDki(year: number): number {
  if (year < FIRST_YEAR) {
    return Math.round(umpAt(FIRST_YEAR) / EARLIER_YEARLY_GROWTH ** (FIRST_YEAR - year));
  }
  return umpAt(Math.min(year, LAST_YEAR));
}

/** A 2016 wage carried to another date in step with the UMP, for contribution histories. */
export function wageOn(wageIn2016: number, date: IsoDate): number {
  return wageInYear(wageIn2016, Number(date.slice(0, 4)));
}

export function wageInYear(wageIn2016: number, year: number): number {
  return (wageIn2016 * umpDki(year)) / UMP_2016;
}

function umpAt(year: number): number {
  const value = UMP_DKI.get(year);
  if (value === undefined) throw new RangeError(`No UMP for ${year}`);
  return value;
}
