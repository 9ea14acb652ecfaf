import { randomUUID } from 'node:crypto';
import type { OutboxEvent, OutboxEventDraft } from './outbox-event';

/** Anything that runs SQL inside the caller's open transaction: a TypeORM QueryRunner or EntityManager. */
export interface TransactionQueries {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

// One statement for any number of events: a bulk enrolment of 1,000 people writes its 1,000
// events in one round trip. Each event's key_seq continues its ordering key's last one.
const APPEND_SQL = `
  WITH drafts AS (
    SELECT d.id, d.type, d.ordering_key, d.payload, d.ord,
           row_number() OVER (PARTITION BY d.ordering_key ORDER BY d.ord) AS nth
      FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS d (id, type, ordering_key, payload, ord)
  )
  INSERT INTO outbox_event (id, type, ordering_key, key_seq, payload)
  SELECT id, type, ordering_key,
         coalesce((SELECT max(o.key_seq) FROM outbox_event o WHERE o.ordering_key = drafts.ordering_key), 0) + nth,
         payload
    FROM drafts
   ORDER BY ord
  RETURNING position, id, key_seq, occurred_at`;

interface AppendedRow {
  position: string | number;
  id: string;
  key_seq: string | number;
  occurred_at: Date | string;
}

/**
 * Writes the events of a change into the outbox, inside the transaction that makes the change:
 * call it with that transaction's runner, never on its own. Two transactions appending for the
 * same ordering key at once: the second fails on the unique (ordering_key, key_seq) index and
 * rolls back, which is why writers lock the subject's row first (its version check does).
 */
export async function appendToOutbox(
  transaction: TransactionQueries,
  source: string,
  drafts: readonly OutboxEventDraft[],
): Promise<OutboxEvent[]> {
  if (drafts.length === 0) return [];
  const ids = drafts.map(() => randomUUID());
  const rows = (await transaction.query(APPEND_SQL, [
    ids,
    drafts.map((draft) => draft.type),
    drafts.map((draft) => draft.orderingKey),
    drafts.map((draft) => JSON.stringify(draft.payload)),
  ])) as AppendedRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return drafts.map((draft, index) => {
    const row = byId.get(ids[index]!)!;
    return {
      ...draft,
      id: ids[index]!,
      source,
      position: Number(row.position),
      keySeq: Number(row.key_seq),
      occurredAt: new Date(row.occurred_at).toISOString(),
    };
  });
}
