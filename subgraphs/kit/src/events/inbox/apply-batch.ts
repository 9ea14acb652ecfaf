import type { DataSource, EntityManager } from 'typeorm';
import { eventAudit } from '../event-audit';
import type { EventBatchHandler, EventRefusal } from '../event-handler';
import type { OutboxEvent } from '../outbox-event';
import type { Delivery, DeliveryOutcome } from './delivery';

export interface BatchApplyOptions {
  dataSource: DataSource;
  /** The handler of a source and type, one object per pair; undefined when this agency does not act on it. */
  handlerOf(event: OutboxEvent): EventBatchHandler | undefined;
  /** When the consumer first received an event (parked events show it). */
  firstSeenAt(event: OutboxEvent): Date;
}

// Creates each key's row on its first event and locks them all, in one order for every
// replica (no deadlock between two batches sharing keys).
const LOCK_KEYS_SQL = `
  INSERT INTO inbox_ordering_key AS k (source, ordering_key, last_key_seq)
  SELECT source, ordering_key, 0 FROM unnest($1::text[], $2::text[]) AS e (source, ordering_key)
   ORDER BY source, ordering_key
  ON CONFLICT (source, ordering_key) DO UPDATE SET last_key_seq = k.last_key_seq
  RETURNING source, ordering_key, last_key_seq`;

const RECORD_SQL = `
  INSERT INTO inbox_event (id, source, type, ordering_key, key_seq, occurred_at, outcome)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::text[])`;

const ADVANCE_SQL = `
  UPDATE inbox_ordering_key k SET last_key_seq = e.key_seq
    FROM unnest($1::text[], $2::text[], $3::bigint[]) AS e (source, ordering_key, key_seq)
   WHERE k.source = e.source AND k.ordering_key = e.ordering_key`;

const PARK_SQL = `
  INSERT INTO inbox_parked_event
    (id, source, type, ordering_key, key_seq, occurred_at, payload, code, message, attempts, first_seen_at)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[],
                       $7::jsonb[], $8::text[], $9::text[], $10::int[], $11::timestamptz[])`;

const keyOf = (source: string, orderingKey: string) => `${source}\u0000${orderingKey}`;

/** Where each event stands in its key's order: next to apply, applied before, or early. */
async function positionsOf(manager: EntityManager, events: readonly OutboxEvent[]) {
  const rows = (await manager.query(LOCK_KEYS_SQL, [
    events.map((event) => event.source),
    events.map((event) => event.orderingKey),
  ])) as { source: string; ordering_key: string; last_key_seq: string }[];
  const last = new Map(rows.map((row) => [keyOf(row.source, row.ordering_key), Number(row.last_key_seq)]));
  return (event: OutboxEvent) => {
    const applied = last.get(keyOf(event.source, event.orderingKey))!;
    if (event.keySeq <= applied) return 'already-applied' as const;
    return event.keySeq === applied + 1 ? ('next' as const) : ('held' as const);
  };
}

/**
 * Applies deliveries of distinct ordering keys in one transaction: the keys locked in one
 * statement, each handler once for all its events, the inbox rows, key positions and parked
 * events written in one statement each. A rule's refusal parks its event in the same
 * transaction. Any other failure rolls the batch back and throws: the caller then applies the
 * deliveries one at a time, where the failing one is retried and, in the end, parked alone.
 */
export async function applyBatch(
  deliveries: readonly Delivery[],
  options: BatchApplyOptions,
): Promise<Map<string, DeliveryOutcome>> {
  return options.dataSource.transaction(async (manager) => {
    const events = deliveries.map((delivery) => delivery.event);
    const positionOf = await positionsOf(manager, events);
    const outcomes = new Map<string, DeliveryOutcome>();
    const byHandler = new Map<EventBatchHandler | undefined, OutboxEvent[]>();
    for (const event of events) {
      const position = positionOf(event);
      if (position !== 'next') outcomes.set(event.id, position);
      else {
        const handler = options.handlerOf(event);
        const handled = byHandler.get(handler);
        if (handled) handled.push(event);
        else byHandler.set(handler, [event]);
      }
    }
    const refusals = new Map<string, EventRefusal>();
    for (const [handler, handled] of byHandler) {
      if (!handler) {
        for (const event of handled) outcomes.set(event.id, 'ignored');
        continue;
      }
      const audit = eventAudit(options.dataSource, manager, handled);
      for (const [id, refusal] of await handler.applyMany(manager, handled, audit)) refusals.set(id, refusal);
      for (const event of handled) outcomes.set(event.id, refusals.has(event.id) ? 'parked' : 'applied');
    }

    const settled = events.filter((event) => positionOf(event) === 'next');
    if (settled.length === 0) return outcomes;
    const column = <T>(pick: (event: OutboxEvent) => T) => settled.map(pick);
    await manager.query(RECORD_SQL, [
      column((e) => e.id),
      column((e) => e.source),
      column((e) => e.type),
      column((e) => e.orderingKey),
      column((e) => e.keySeq),
      column((e) => e.occurredAt),
      column((e) => outcomes.get(e.id)),
    ]);
    await manager.query(ADVANCE_SQL, [column((e) => e.source), column((e) => e.orderingKey), column((e) => e.keySeq)]);
    const parked = deliveries.filter((delivery) => refusals.has(delivery.event.id));
    if (parked.length > 0) {
      await manager.query(PARK_SQL, [
        parked.map(({ event }) => event.id),
        parked.map(({ event }) => event.source),
        parked.map(({ event }) => event.type),
        parked.map(({ event }) => event.orderingKey),
        parked.map(({ event }) => event.keySeq),
        parked.map(({ event }) => event.occurredAt),
        parked.map(({ event }) => JSON.stringify(event.payload)),
        parked.map(({ event }) => refusals.get(event.id)!.code),
        parked.map(({ event }) => refusals.get(event.id)!.message.slice(0, 1_000)),
        parked.map(({ attempt }) => attempt),
        parked.map(({ event }) => options.firstSeenAt(event)),
      ]);
    }
    return outcomes;
  });
}
