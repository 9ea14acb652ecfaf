import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** What node-postgres's Pool counts (pg-pool's getters), and the size it may grow to. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

function isPool(value: unknown): value is PoolCounts {
  const pool = value as Partial<PoolCounts> | null | undefined;
  return (
    typeof pool?.totalCount === 'number' &&
    typeof pool.idleCount === 'number' &&
    typeof pool.waitingCount === 'number' &&
    typeof pool.options?.max === 'number'
  );
}

/**
 * The pg Pool behind a TypeORM postgres DataSource: `driver.master` (TypeORM types it `any`). It
 * exists only while the DataSource is initialized, so it is looked up at every scrape.
 */
function poolOf(dataSource: DataSource): PoolCounts | undefined {
  const pool: unknown = (dataSource.driver as { master?: unknown }).master;
  return isPool(pool) ? pool : undefined;
}

/**
 * Database pool gauges, read from the pool when Prometheus scrapes: connections open, busy and
 * idle, the pool's limit, and queries waiting for a connection (a pool too small for the load,
 * or connections held by slow statements). All are 0 while the database is closed. One database
 * per registry: a second call throws, as prom-client refuses the same metric twice.
 */
export function observeDatabasePool(registry: Registry, dataSource: DataSource): void {
  const gauge = (name: string, help: string, read: (pool: PoolCounts) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const pool = poolOf(dataSource);
        this.set(pool ? read(pool) : 0);
      },
    });
  gauge('jembatan_db_pool_connections', 'Connections the database pool holds open', (pool) => pool.totalCount);
  gauge(
    'jembatan_db_pool_busy_connections',
    'Open connections serving a query',
    (pool) => pool.totalCount - pool.idleCount,
  );
  gauge('jembatan_db_pool_idle_connections', 'Open connections not serving a query', (pool) => pool.idleCount);
  gauge('jembatan_db_pool_waiting_requests', 'Queries waiting for a free connection', (pool) => pool.waitingCount);
  gauge('jembatan_db_pool_max_connections', 'The most connections the pool may open', (pool) => pool.options.max);
}
