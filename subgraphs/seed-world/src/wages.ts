import type { IsoDate } from './dates';

/**
 * UMP DKI Jakarta (Rp/month) by year, domain.md §4.5. 2022 uses the contested Kepgub 1517/2021
 * figure, from which the 2023 UMP was computed.
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

const FIRST_YEAR = 2012;
const LAST_YEAR = 2025;
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
