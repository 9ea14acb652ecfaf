import type { Random } from './random';

/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings, in UTC so that the machine's time zone can
 * never move a date. Nothing here reads the clock.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

export function toDayNumber(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Same day `months` later; a day the target month lacks (31 Jan + 1 month) becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  // Plain arithmetic rather than Date objects: a dki2016 world calls this millions of times.
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Whole months from `from` to `to`, counting a month only once its day is reached. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Age in whole years on `on`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  return Math.floor(monthsBetween(birthDate, on) / 12);
}

/** A uniformly chosen date in [from, to], both inclusive. */
export function randomDate(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  return fromDayNumber(random.int(toDayNumber(from), toDayNumber(to)));
}

/** The first day of a uniformly chosen month in [from, to] (contracts start on the 1st). */
export function randomMonthStart(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  const months = monthsBetween(from.slice(0, 8) + '01', to.slice(0, 8) + '01');
  return addMonths(from.slice(0, 8) + '01', random.int(0, months));
}
