import { CoverageGapResolver, UnitCoverageGapResolver } from './coverage-gaps.resolver';
import { StatisticsResolver } from './statistics.resolver';
import { UnitResolver } from './unit.resolver';
import { WorkerResolver } from './worker.resolver';
import { TransferWorkerResultResolver, WorkerWritesResolver } from './worker-writes.resolver';

export const workforceResolvers = [
  UnitResolver,
  WorkerResolver,
  StatisticsResolver,
  CoverageGapResolver,
  UnitCoverageGapResolver,
  WorkerWritesResolver,
  TransferWorkerResultResolver,
] as const;
