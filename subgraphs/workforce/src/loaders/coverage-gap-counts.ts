import DataLoader from 'dataloader';
import type { Database } from '@jembatan/kit';
import { countCoverageGaps, type CoverageGapCount } from '../queries/coverage-gaps';

export interface UnitOnDate {
  unitCode: string;
  asOf: string;
}

const NO_GAPS: CoverageGapCount = { missingCover: 0, coverAfterContractEnd: 0 };

/** The gap counts of many units in one statement per date asked (a page of units asks one date). */
export function createCoverageGapCountsLoader(database: Database) {
  return new DataLoader<UnitOnDate, CoverageGapCount, string>(
    async (keys) => {
      const byDate = new Map<string, Map<string, CoverageGapCount>>();
      for (const asOf of new Set(keys.map((key) => key.asOf))) {
        const units = keys.filter((key) => key.asOf === asOf).map((key) => key.unitCode);
        byDate.set(asOf, await countCoverageGaps(database, asOf, units));
      }
      return keys.map((key) => byDate.get(key.asOf)?.get(key.unitCode) ?? NO_GAPS);
    },
    { cacheKeyFn: (key) => `${key.asOf}|${key.unitCode}` },
  );
}
