import type { Database } from '../db/database';
import type { Logger } from '../log';
import { observeDatabasePool } from './metrics/database-pool-metrics';
import { observeRedis } from './metrics/redis-metrics';
import { requestCostMetrics } from './metrics/request-cost-metrics';
import { createServiceMetrics } from './metrics/service-metrics';
import { attributeStatementsToRequests } from './request-scope/count-statements';
import { attributeLoaderBatchesToRequests } from './request-scope/loader-batches';
import { createServiceObservability, type ServiceObservability } from './service-observability';

export interface SubgraphObservabilityOptions {
  service: string;
  logger: Logger;
  database: Database;
  /** Whether the replay guard is shared through Redis now; undefined when no Redis is configured. */
  replayGuardShared?: () => boolean | undefined;
}

/**
 * A subgraph's observability: the service's, plus what each request cost its database (SQL
 * statements, DataLoader batches) and the database pool's gauges.
 */
export function createSubgraphObservability(options: SubgraphObservabilityOptions): ServiceObservability {
  attributeStatementsToRequests(options.database.statements);
  attributeLoaderBatchesToRequests();
  const registry = createServiceMetrics(options.service);
  observeDatabasePool(registry, options.database.dataSource);
  const replayGuardShared = options.replayGuardShared;
  if (replayGuardShared) observeRedis(registry, () => ({ replay_guard: replayGuardShared() }));
  return createServiceObservability({
    registry,
    logger: options.logger,
    // The gateway names a fetch's operation in its signed token only when it is a published one.
    publishedOperationOf: (context) => (context as { operationName?: string | null }).operationName ?? null,
    onRequestEnd: requestCostMetrics(registry),
  });
}
