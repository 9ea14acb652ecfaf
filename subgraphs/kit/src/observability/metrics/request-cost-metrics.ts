import { Histogram, type Registry } from 'prom-client';
import type { RequestScope } from '../request-scope/request-scope';
import { registeredMetric } from './registered-metric';

const COUNT_BUCKETS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144];
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

/**
 * What each request cost a subgraph's database, observed when the request ends: statements per
 * request and batches per request are the N+1 alarms (they must not grow with the rows a query
 * returns), batch sizes show how much each batch saved.
 */
export function requestCostMetrics(registry: Registry): (scope: RequestScope) => void {
  const histogram = (name: string, help: string, buckets: number[]) =>
    registeredMetric(registry, name, () => new Histogram({ name, help, buckets, registers: [registry] }));
  const statements = histogram(
    'jembatan_sql_statements_per_request',
    'SQL statements sent while serving one GraphQL request',
    COUNT_BUCKETS,
  );
  const batches = histogram(
    'jembatan_dataloader_batches_per_request',
    'DataLoader batches (keyed lookups, one SQL statement each) resolved while serving one GraphQL request',
    COUNT_BUCKETS,
  );
  const batchSize = histogram(
    'jembatan_dataloader_batch_size',
    'Keys in one DataLoader batch (one keyed lookup), observed per batch',
    BATCH_BUCKETS,
  );
  return (scope) => {
    statements.observe(scope.statements);
    batches.observe(scope.loaderBatchSizes.length);
    for (const keys of scope.loaderBatchSizes) batchSize.observe(keys);
  };
}
