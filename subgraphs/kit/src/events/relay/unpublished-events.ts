/** Anything that runs SQL: the relay's own connection. */
interface Queries {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}
import type { OutboxEvent } from '../outbox-event';

// Oldest first, on the partial index of unpublished rows.
const UNPUBLISHED_SQL = `
  SELECT position, id, type, ordering_key, key_seq, payload, occurred_at
    FROM outbox_event
   WHERE published_at IS NULL
   ORDER BY position
   LIMIT $1`;

interface OutboxRow {
  position: string | number;
  id: string;
  type: string;
  ordering_key: string;
  key_seq: string | number;
  payload: Record<string, unknown>;
  occurred_at: Date | string;
}

/** Up to `limit` unpublished events, oldest first. */
export async function readUnpublishedEvents(queries: Queries, source: string, limit: number): Promise<OutboxEvent[]> {
  const rows = (await queries.query(UNPUBLISHED_SQL, [limit])) as OutboxRow[];
  return rows.map((row) => ({
    id: row.id,
    source,
    type: row.type,
    orderingKey: row.ordering_key,
    keySeq: Number(row.key_seq),
    payload: row.payload,
    position: Number(row.position),
    occurredAt: new Date(row.occurred_at).toISOString(),
  }));
}

export async function markPublished(queries: Queries, events: readonly OutboxEvent[]): Promise<void> {
  await queries.query('UPDATE outbox_event SET published_at = now() WHERE position = ANY($1::bigint[])', [
    events.map((event) => event.position),
  ]);
}
