import type { TableRetention } from '../retention/table-retention';

/** How long applied events are remembered, and published ones kept: far past any redelivery. */
export const EVENT_RETENTION = '30 days';

/**
 * Inbox rows of applied, ignored or parked events. Not what keeps a redelivery out (its key's
 * last_key_seq in inbox_ordering_key does, and stays), but what operators trace a change by.
 * Parked events stay until an operator deals with them.
 */
export const INBOX_EVENTS_RETENTION: TableRetention = {
  table: 'inbox_event',
  what: 'applied events remembered past their retention',
  retention: EVENT_RETENTION,
  purgeSql: `DELETE FROM inbox_event WHERE recorded_at < now() - interval '${EVENT_RETENTION}'`,
};

/**
 * Published outbox rows, except each ordering key's newest: the next event of that key numbers
 * its key_seq after it, and a consumer ignores a key_seq it has applied, so it must never restart.
 */
export const PUBLISHED_OUTBOX_RETENTION: TableRetention = {
  table: 'outbox_event',
  what: 'published events kept past their retention',
  retention: EVENT_RETENTION,
  purgeSql: `
    DELETE FROM outbox_event o
     WHERE o.published_at < now() - interval '${EVENT_RETENTION}'
       AND EXISTS (SELECT 1 FROM outbox_event later WHERE later.ordering_key = o.ordering_key AND later.key_seq > o.key_seq)`,
};
