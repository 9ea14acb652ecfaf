import { StatisticsResolver } from './statistics.resolver';
import { UnitResolver } from './unit.resolver';
import { WorkerResolver } from './worker.resolver';
import { TransferWorkerResultResolver, WorkerWritesResolver } from './worker-writes.resolver';

export const workforceResolvers = [
  UnitResolver,
  WorkerResolver,
  StatisticsResolver,
  WorkerWritesResolver,
  TransferWorkerResultResolver,
] as const;
