/**
 * UMP DKI Jakarta (Rp/month) by year, domain.md §4.5: the provincial minimum wage, which the
 * registry's wage rule enforces and the seed world's wages follow. 2022 is the contested Kepgub
 * 1517/2021 figure (annulled by PTUN Jakarta), from which the 2023 UMP was computed.
 */
export const UMP_DKI: ReadonlyMap<number, number> = new Map([
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

/** The years the table covers: before the first our sources stop; after the last, a new row is due each November. */
export const FIRST_UMP_YEAR = 2012;
export const LAST_UMP_YEAR = 2025;
