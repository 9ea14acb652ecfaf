import type { Database } from '../db/database';
import { describeError, type Logger } from '../log';
import type { TableRetention } from './table-retention';

const HOURLY = 3_600_000;

/**
 * Deletes what each retention rule lets go, every `everyMs` while the service runs, so the tables
 * hold about their retention's worth of rows. Not at start: a restart loop would purge on every
 * start, and the first requests' statements would share the pool with it. Replicas purging at
 * once delete the same rows once. A rule whose table this agency does not have is skipped.
 */
export function scheduleRetention(
  database: Database,
  logger: Logger,
  rules: readonly TableRetention[],
  everyMs = HOURLY,
): { stop(): void } {
  let stopped = false;
  const purge = async (rule: TableRetention) => {
    try {
      const [{ present }] = (await database.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
        rule.table,
      ])) as [{ present: boolean }];
      if (!present || stopped) return;
      const [, purged] = (await database.dataSource.query(rule.purgeSql)) as [unknown, number];
      if (purged > 0) logger.info(`${rule.what} purged`, { table: rule.table, purged, retention: rule.retention });
    } catch (error) {
      if (!stopped)
        logger.warn(`${rule.what} not purged; retrying later`, { table: rule.table, ...describeError(error) });
    }
  };
  const timer = setInterval(() => {
    void (async () => {
      for (const rule of rules) await purge(rule);
    })();
  }, everyMs);
  // Never what keeps a process alive.
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
