import { FIRST_UMP_YEAR, JembatanError, todayInJakarta } from '@jembatan/kit';

/**
 * The earliest contract start the registry takes: the first year whose UMP it knows, so the wage
 * floor can be checked for every contract (the registry itself started with the 2015 hires).
 */
export const EARLIEST_CONTRACT_START = `${FIRST_UMP_YEAR}-01-01`;

/** How far ahead HR may date a contract, an end or a transfer: beyond a year it is a typo. */
const LATEST_DAYS_AHEAD = 366;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const outOfRange = (field: string, message: string, extensions: Record<string, unknown> = {}) =>
  new JembatanError('INVALID_DATE_RANGE', message, { field, ...extensions });

/** A date HR sets (a start, an end, a transfer): not before the registry's first contracts, not over a year ahead. */
export function checkDateInRegistryRange(field: string, date: string): void {
  if (date < EARLIEST_CONTRACT_START) {
    throw outOfRange(
      field,
      `${field} ${date} is before ${EARLIEST_CONTRACT_START}, the earliest date the registry holds`,
      {
        earliest: EARLIEST_CONTRACT_START,
      },
    );
  }
  const latest = addDays(todayInJakarta(), LATEST_DAYS_AHEAD);
  if (date > latest) {
    throw outOfRange(field, `${field} ${date} is more than a year ahead; the latest date accepted today is ${latest}`, {
      latest,
    });
  }
}

/** A date within a contract: not before its first day, not after its last (when it has one). */
export function checkWithinContract(
  field: string,
  date: string,
  contract: { contractStart: string; contractEnd: string | null },
): void {
  if (date < contract.contractStart) {
    throw outOfRange(field, `${field} ${date} is before the contract starts (${contract.contractStart})`, {
      earliest: contract.contractStart,
    });
  }
  if (contract.contractEnd !== null && date > contract.contractEnd) {
    throw outOfRange(field, `${field} ${date} is after the contract's last day (${contract.contractEnd})`, {
      latest: contract.contractEnd,
    });
  }
}
