import { monthsBetween, type IsoDate } from './dates';
import { SAVINGS_RETURN_PER_YEAR } from './policy';
import { wageInYear } from './wages';

/**
 * The balance of a savings programme (JHT, or JP before a pension is due): a monthly contribution
 * of `rate` × wage for each whole month from `from` to `to`, with the yearly return credited
 * monthly. The wage follows the UMP back in time, so long memberships are not valued at 2016 wages.
 */
export function savingsBalance(
  rate: number,
  wageIn2016: number,
  from: IsoDate,
  to: IsoDate,
  wageCap: (month: IsoDate) => number = () => Infinity,
): number {
  const monthlyReturn = SAVINGS_RETURN_PER_YEAR / 12;
  const firstYear = Number(from.slice(0, 4));
  const firstMonth = Number(from.slice(5, 7)) - 1;
  let balance = 0;
  for (let i = 0, n = monthsBetween(from, to); i < n; i += 1) {
    const year = firstYear + Math.floor((firstMonth + i) / 12);
    const month = String(((firstMonth + i) % 12) + 1).padStart(2, '0');
    const wage = wageInYear(wageIn2016, year);
    balance = balance * (1 + monthlyReturn) + rate * Math.min(wage, wageCap(`${year}-${month}-01`));
  }
  return Math.round(balance);
}
