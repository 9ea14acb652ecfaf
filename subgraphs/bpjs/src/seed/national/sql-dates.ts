import type { Period } from './blocks';
import { below, sqlDate, uniform } from './sql-random';
import { daysBetween } from './layout';

/** A date drawn from `periods`: a period in proportion to its weight, then a day within it. */
export function dateInPeriods(row: string, stream: string, periods: readonly Period[]): string {
  const total = periods.reduce((sum, p) => sum + p.weight, 0);
  const choice = uniform(row, `${stream}/period`);
  let cumulative = 0;
  const branches = periods.map((period, index) => {
    cumulative += period.weight / total;
    const day = `${sqlDate(period.from)} + ${below(row, `${stream}/day`, daysBetween(period.from, period.to) + 1)}`;
    return index === periods.length - 1 ? `ELSE ${day}` : `WHEN ${choice} < ${cumulative} THEN ${day}`;
  });
  return periods.length === 1 ? `(${branches[0]?.slice(5)})` : `(CASE ${branches.join(' ')} END)`;
}

/** `date + n months − 1 day`: the last day of a cover that lasts n months, as the world's addMonths. */
export function lastDayOfCover(since: string, months: string): string {
  return `((${since} + make_interval(months => ${months}))::date - 1)`;
}

export function plusYears(date: string, years: number): string {
  return `(${date} + interval '${years} years')::date`;
}
