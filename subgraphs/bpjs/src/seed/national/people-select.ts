import { JP_RETIREMENT_AGE, NATIONAL_KPJ_SERIAL_BASE } from '@jembatan/seed-world';
import type { Block, NationalLayout } from './layout';
import { employerNpp, employerProvince, employerRegistration } from './employer-columns';
import { KECAMATAN_COUNTS, provinceIndex, REGENCY_CODES, REGENCY_DIGITS, regencyIndex } from './regions-sql';
import { personNameSql } from './person-name-sql';
import { dateInPeriods, plusYears } from './sql-dates';
import { permuted, permutedPair } from './sql-permutation';
import { below, normal, sqlDate, uniform } from './sql-random';

/**
 * The participants of one block, rows [from, to) of the national numbering, as a SELECT computed
 * from the row number alone: the participant insert, the enrolment insert and the claim insert
 * each run it and get the same people. Each layer is fenced with OFFSET 0 so that a value used
 * several times (a birth date feeds the NIK, the name, the registration) is computed once.
 *
 * Columns: i, kpj, nik, name, segment, registered_on, employer_npp, birth_date, region_code, wage,
 * exit_on (when membership ended), filed_on (the block's 2016 claim).
 */
const MIN_WORKING_AGE = 18;
/** The national KPJ serial space, 20,000 × 25,000, for the permutation of row numbers onto it. */
const KPJ_SERIALS = [20_000, 25_000] as const;
const FIRST_CLAIM_DAY = '2016-01-01';
/** New Year to 15 March 2016, the MoU: 31 + 29 + 15 days. */
const CLAIM_DAYS = 75;
const LAST_CLAIM_DAY = '2016-03-15';
/** JHT is paid a month after leaving a job (domain.md §2.6); most claim within the next month. */
const JHT_WAIT_DAYS = { min: 31, spread: 30 } as const;
/** Outside Jakarta wages are lower: a log-normal around Rp2.8 million, never below Rp1.3 million [U]. */
const WAGE = { median: 2_800_000, sigma: 0.45, min: 1_300_000 } as const;

function layer(inner: string, columns: readonly string[]): string {
  return `SELECT x.*, ${columns.join(', ')} FROM (${inner}) AS x OFFSET 0`;
}

function employerRow(block: Block, layout: NationalLayout): string {
  if (block.segment !== 'PU') return 'NULL::bigint';
  const skewed = `floor(${layout.employers} * power(${uniform('i', 'employer')}, 2))::bigint`;
  // The first wage earners anchor one employer each, so every employer has someone active.
  return block.kind === 'active-pu'
    ? `CASE WHEN i - ${block.first} < ${layout.employers} THEN i - ${block.first} ELSE ${skewed} END`
    : skewed;
}

function exitAndFiling(block: Block): [exit: string, filed: string] {
  switch (block.kind) {
    case 'jkk-claimant':
      return ['NULL::date', 'claim_day'];
    case 'jht-leaver':
      return [`claim_day - (${JHT_WAIT_DAYS.min} + ${below('i', 'claim/wait', JHT_WAIT_DAYS.spread)})`, 'claim_day'];
    case 'jkm-leaver':
      return [`claim_day - ${below('i', 'claim/death', 31)}`, 'claim_day'];
    case 'jp-leaver': {
      const retired = plusYears('birth_date', JP_RETIREMENT_AGE);
      const filed = `least(${sqlDate(LAST_CLAIM_DAY)}, greatest(${sqlDate(FIRST_CLAIM_DAY)}, ${retired} + ${below('i', 'claim/lag', 30)}))`;
      return [retired, filed];
    }
    default:
      return ['NULL::date', 'NULL::date'];
  }
}

export function peopleSelect(block: Block, from: number, to: number, layout: NationalLayout): string {
  const nik = permutedPair(`(i - ${block.first})`, block.birthDays, block.serials, 'nik');
  const lastRegistration = block.registrations.at(-1)?.to ?? block.births.to;
  const [exitOn, filedOn] = exitAndFiling(block);
  const isWageEarner = block.segment === 'PU';

  const rows = `SELECT i, ${nik.low} AS birth_day, ${nik.high} AS serial_index, ${employerRow(block, layout)} AS e
    FROM generate_series(${from}::bigint, ${to - 1}::bigint) AS i`;
  const person = layer(rows, [
    `${isWageEarner ? employerProvince('e') : provinceIndex('i', 'province')} AS province`,
    `${uniform('i', 'sex')} < ${block.femaleShare} AS female`,
    // Birth date and serial together are a bijection of the row: NIKs are unique by construction.
    `${sqlDate(block.births.from)} + birth_day::int AS birth_date`,
    `${block.firstSerial} + serial_index AS serial`,
    `${isWageEarner ? employerRegistration('e') : 'NULL::date'} AS employer_registered_on`,
  ]);
  const placed = layer(person, [
    `${regencyIndex('province', 'i', 'regency')} AS regency`,
    `${dateInPeriods('i', 'registered', block.registrations)} AS drawn_registration`,
    `${sqlDate(FIRST_CLAIM_DAY)} + ${below('i', 'claim/filed', CLAIM_DAYS)} AS claim_day`,
  ]);
  const dated = layer(placed, [
    // Adult at registration, and never registered before the employer.
    `least(${sqlDate(lastRegistration)}, greatest(drawn_registration, ${plusYears('birth_date', MIN_WORKING_AGE)}, employer_registered_on)) AS registered_on`,
    `1 + ${below('i', 'kecamatan', `(${KECAMATAN_COUNTS})[regency]`)} AS kecamatan`,
    `${exitOn} AS exit_on`,
    `${uniform('i', 'name/shape')} AS name_shape`,
    `${below('i', 'name/given', 1000)} AS given_index`,
    `greatest(${WAGE.min}, round(${WAGE.median} * exp(${WAGE.sigma} * ${normal('i', 'wage')}) / 1000) * 1000)::bigint AS wage`,
  ]);
  return `SELECT i,
      to_char(registered_on, 'YY') || (${NATIONAL_KPJ_SERIAL_BASE} + ${permuted('i', ...KPJ_SERIALS, 'kpj')})::text AS kpj,
      (${REGENCY_DIGITS})[regency] || lpad(kecamatan::text, 2, '0')
        || lpad((to_char(birth_date, 'DDMMYY')::int + CASE WHEN female THEN 400000 ELSE 0 END)::text, 6, '0')
        || lpad(serial::text, 4, '0') AS nik,
      ${personNameSql()} AS name,
      '${block.segment}'::text AS segment,
      registered_on,
      ${isWageEarner ? employerNpp('e', 'employer_registered_on') : 'NULL::text'} AS employer_npp,
      birth_date,
      (${REGENCY_CODES})[regency] AS region_code,
      wage,
      exit_on,
      ${filedOn} AS filed_on
    FROM (${dated}) AS y`;
}
