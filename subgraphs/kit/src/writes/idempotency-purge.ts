import type { Database } from '../db/database';
import { describeError, type Logger } from '../log';
import { IDEMPOTENCY_RETENTION, purgeExpiredIdempotencyRecords } from './idempotency-records';

const HOURLY = 3_600_000;

/**
 * Deletes idempotency records past IDEMPOTENCY_RETENTION every `everyMs` while the service runs,
 * so the table holds about a week of writes (an expired record a claim meets first is taken over
 * anyway). Not at start: a restart loop would purge on every start, and the first requests'
 * statements would share the pool with it. Replicas purging at once delete the same rows once.
 * An agency that takes no writes has no such table, and nothing is done.
 */
export function scheduleIdempotencyPurge(database: Database, logger: Logger, everyMs = HOURLY): { stop(): void } {
  let stopped = false;
  const purge = async () => {
    try {
      const [{ present }] = (await database.dataSource.query(
        `SELECT to_regclass('idempotency_record') IS NOT NULL AS present`,
      )) as [{ present: boolean }];
      if (!present || stopped) return;
      const purged = await purgeExpiredIdempotencyRecords(database);
      if (purged > 0) logger.info('expired idempotency records purged', { purged, retention: IDEMPOTENCY_RETENTION });
    } catch (error) {
      if (!stopped) logger.warn('idempotency records not purged; retrying later', describeError(error));
    }
  };
  const timer = setInterval(() => void purge(), everyMs);
  // Never what keeps a process alive.
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
