import type { IsoDate } from './dates';
import type { Program, WorkerCategory } from './types';

/**
 * Dates and amounts fixed by regulation or by the 2016 story (domain.md §1, §2, §6). Everything
 * the generator treats as law lives here, so a reader can check it against its source.
 */

/** The MoU of 16 March 2016: PKP covered for JKK and JKM from March 2016 … */
export const PKP_COVERAGE_START: IsoDate = '2016-03-01';
/** … and for JHT from 2017. */
export const PKP_JHT_START: IsoDate = '2017-01-01';

/**
 * Coverage start for PPSU and Dinas Kebersihan field workers registered under Instruksi Gubernur
 * 288/2015. The instruction's own date is not in our sources; 1 July 2015 is the earliest date that
 * fits both facts we have: PP 44/2015, which set the BPU rules for JKK and JKM, took effect on
 * 1 July 2015 (BPJS Ketenagakerjaan's full operation), and the first PPSU contracts under Pergub
 * 169/2015 began in June 2015. Workers hired later are covered from their contract start.
 */
export const INGUB_288_COVERAGE_START: IsoDate = '2015-07-01';

/** PP 45/2015: the pension programme began on 1 July 2015. */
export const JP_START: IsoDate = '2015-07-01';

/** JKP enrolment date used for the wage earners who have it (the seed's choice). */
export const JKP_SINCE: IsoDate = '2022-02-01';
/** PP 37/2021: only workers under 54 when they join JKP are covered. */
export const JKP_MAX_AGE_AT_ENROLMENT = 53;
/** Qualifying contribution history before a JKP claim (≈12 months within 24). */
export const JKP_QUALIFYING_MONTHS = 12;
/** JKP benefits are computed on wages up to this cap. */
export const JKP_WAGE_CAP = 5_000_000;
/** PP 37/2021: 45% of wage for months 1–3 and 25% for months 4–6, i.e. 2.1 monthly wages. */
export const JKP_BENEFIT_WAGE_MULTIPLE = 3 * 0.45 + 3 * 0.25;

/** JP retirement age in 2015–2018; JP claims in 2016 are lump sums at this age. */
export const JP_RETIREMENT_AGE = 56;

/** JKM lump-sum package for a death on `date` (Jamsostek era, PP 44/2015, PP 82/2019). */
export function jkmBenefit(date: IsoDate): number {
  if (date < '2015-07-01') return 21_000_000;
  if (date < '2019-12-02') return 24_000_000;
  return 42_000_000;
}

/** JP wage cap (PP 45/2015 Pasal 29); each year's cap applies from March. */
export function jpWageCap(date: IsoDate): number {
  const caps: readonly (readonly [IsoDate, number])[] = [
    ['2016-03-01', 7_335_300],
    ['2017-03-01', 7_703_500],
  ];
  let cap = 7_000_000;
  for (const [from, value] of caps) if (date >= from) cap = value;
  return cap;
}

/** Share of the monthly wage paid into each savings programme. */
export const CONTRIBUTION_RATES = {
  /** Wage earners: 3.7% employer + 2% worker. */
  JHT_PU: 0.057,
  /** Non-wage earners: 2% of declared income. */
  JHT_BPU: 0.02,
  /** 2% employer + 1% worker. */
  JP: 0.03,
} as const;

/**
 * Yearly return credited to JHT and JP balances. BPJS publishes a rate each year (above bank
 * deposit rates); a flat 7% keeps the balances plausible without pretending to be exact.
 */
export const SAVINGS_RETURN_PER_YEAR = 0.07;

/**
 * The programmes a Pemprov DKI contract worker of a category must be covered by on a date: PKP by
 * the March 2016 agreement (JKK and JKM from March 2016, JHT from 2017), PPSU and Dinas
 * Kebersihan crews by Instruksi Gubernur 288/2015 (JKK and JKM). Always BPU, so never JP or JKP.
 */
export function requiredPemprovPrograms(category: WorkerCategory, date: IsoDate): Program[] {
  if (category === 'PKP') {
    return [
      ...(date >= PKP_COVERAGE_START ? (['JKK', 'JKM'] as const) : []),
      ...(date >= PKP_JHT_START ? (['JHT'] as const) : []),
    ];
  }
  return date >= INGUB_288_COVERAGE_START ? ['JKK', 'JKM'] : [];
}
