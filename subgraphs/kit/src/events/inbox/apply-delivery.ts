import type { DataSource, EntityManager } from 'typeorm';
import type { ErrorCode } from '../../errors/error-codes';
import { JembatanError } from '../../errors/jembatan-error';
import { eventAudit } from '../event-audit';
import type { EventHandler } from '../event-handler';
import type { OutboxEvent } from '../outbox-event';
import type { Delivery, DeliveryOutcome } from './delivery';

/** Why an event was parked when no rule refused it: it failed on every delivery it was allowed. */
export const DELIVERIES_EXHAUSTED: ErrorCode = 'EVENT_DELIVERIES_EXHAUSTED';

export interface ApplyOptions {
  dataSource: DataSource;
  /** The handler of the event's source and type; undefined when this agency does not act on it. */
  handler: EventHandler | undefined;
  /** Deliveries after which an event that keeps failing is parked instead of delivered again. */
  maxDeliveries: number;
  /** Told the reason of each failure that is delivered again (logs). */
  onFailure?: (delivery: Delivery, error: unknown) => void;
}

// Creates the key's row on its first event and locks it either way: the lock orders the
// replicas of a consumer that received events of one key at once.
const LOCK_KEY_SQL = `
  INSERT INTO inbox_ordering_key AS k (source, ordering_key, last_key_seq) VALUES ($1, $2, 0)
  ON CONFLICT (source, ordering_key) DO UPDATE SET last_key_seq = k.last_key_seq
  RETURNING last_key_seq`;

const RECORD_SQL = `
  INSERT INTO inbox_event (id, source, type, ordering_key, key_seq, occurred_at, outcome)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;

const ADVANCE_SQL = 'UPDATE inbox_ordering_key SET last_key_seq = $3 WHERE source = $1 AND ordering_key = $2';

const PARK_SQL = `
  INSERT INTO inbox_parked_event
    (id, source, type, ordering_key, key_seq, occurred_at, payload, code, message, attempts, first_seen_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

type Position = 'next' | 'applied-before' | 'early';

async function positionOf(manager: EntityManager, event: OutboxEvent): Promise<Position> {
  const [row] = (await manager.query(LOCK_KEY_SQL, [event.source, event.orderingKey])) as { last_key_seq: string }[];
  const last = Number(row!.last_key_seq);
  if (event.keySeq <= last) return 'applied-before';
  return event.keySeq === last + 1 ? 'next' : 'early';
}

async function record(manager: EntityManager, event: OutboxEvent, outcome: 'applied' | 'ignored' | 'parked') {
  const { id, source, type, orderingKey, keySeq, occurredAt } = event;
  await manager.query(RECORD_SQL, [id, source, type, orderingKey, keySeq, occurredAt, outcome]);
  await manager.query(ADVANCE_SQL, [source, orderingKey, keySeq]);
}

/**
 * Applies one delivered event exactly once and in its key's order, in one transaction with the
 * handler's change. A JembatanError from the handler is a rule's refusal: the change rolls back
 * and the event is parked (its key moves on, so the key's later events are not blocked). Any
 * other error rolls back and the event is delivered again, until maxDeliveries: then it is parked.
 */
export async function applyDelivery(
  delivery: Delivery,
  options: ApplyOptions,
  /** When this consumer first received the event (parked events show it). */
  firstSeenAt: Date,
): Promise<DeliveryOutcome> {
  const { event } = delivery;
  let refusal: { code: string; message: string } | undefined;
  try {
    return await options.dataSource.transaction(async (manager): Promise<DeliveryOutcome> => {
      const position = await positionOf(manager, event);
      if (position === 'applied-before') return 'already-applied';
      if (position === 'early') return 'held';
      if (options.handler) await options.handler(manager, event, eventAudit(options.dataSource, manager, [event]));
      await record(manager, event, options.handler ? 'applied' : 'ignored');
      return options.handler ? 'applied' : 'ignored';
    });
  } catch (error) {
    if (error instanceof JembatanError) {
      refusal = { code: String(error.extensions.code), message: error.message };
    } else if (delivery.attempt >= options.maxDeliveries) {
      refusal = {
        code: DELIVERIES_EXHAUSTED,
        message: `failed on all ${options.maxDeliveries} deliveries; last: ${error instanceof Error ? error.message : String(error)}`,
      };
    } else {
      options.onFailure?.(delivery, error);
      return 'failed';
    }
  }
  return park(delivery, refusal, firstSeenAt, options.dataSource);
}

async function park(
  { event, attempt }: Delivery,
  refusal: { code: string; message: string },
  firstSeenAt: Date,
  dataSource: DataSource,
): Promise<DeliveryOutcome> {
  return dataSource.transaction(async (manager) => {
    // Another replica may have settled the event meanwhile.
    if ((await positionOf(manager, event)) !== 'next') return 'already-applied';
    await manager.query(PARK_SQL, [
      event.id,
      event.source,
      event.type,
      event.orderingKey,
      event.keySeq,
      event.occurredAt,
      JSON.stringify(event.payload),
      refusal.code,
      refusal.message.slice(0, 1_000),
      attempt,
      firstSeenAt,
    ]);
    await record(manager, event, 'parked');
    return 'parked';
  });
}
