import { INBOX_EVENTS_RETENTION, PUBLISHED_OUTBOX_RETENTION } from '../events/event-retention';
import { IDEMPOTENCY_RECORDS_RETENTION } from '../writes/idempotency-records';
import type { TableRetention } from './table-retention';

/** What every agency service purges on its schedule: rows that serve for a while, then only grow. */
export const AGENCY_RETENTION: readonly TableRetention[] = [
  IDEMPOTENCY_RECORDS_RETENTION,
  INBOX_EVENTS_RETENTION,
  PUBLISHED_OUTBOX_RETENTION,
];
