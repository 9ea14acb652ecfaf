import type { Database } from '@jembatan/kit';
import { createCoverageGapCountsLoader } from './coverage-gap-counts';
import { createUnitLoaders } from './unit-loaders';
import { createWorkerCountsLoader } from './worker-counts';
import { createWorkerLoaders } from './worker-loaders';

export * from './coverage-gap-counts';
export * from './unit-loaders';
export * from './worker-counts';
export * from './worker-loaders';

/** All workforce loaders for one request. */
export function createWorkforceLoaders(database: Database) {
  return {
    ...createUnitLoaders(database),
    ...createWorkerLoaders(database),
    workerCountsOf: createWorkerCountsLoader(database),
    coverageGapCountsOf: createCoverageGapCountsLoader(database),
  };
}

export type WorkforceLoaders = ReturnType<typeof createWorkforceLoaders>;
