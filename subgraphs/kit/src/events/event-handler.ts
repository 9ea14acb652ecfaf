import type { TransactionQueries } from './append-to-outbox';
import type { EventAudit } from './event-audit';
import type { OutboxEvent } from './outbox-event';

/**
 * What a consuming agency does with one event of another agency, inside the transaction that
 * also records the event in its inbox: the change and "this event was applied" commit together,
 * so a redelivered event finds itself applied and changes nothing. A handler may append its own
 * events (appendToOutbox with the same transaction). It refuses an event it must never apply
 * (a rule says no) by throwing a JembatanError: the event is parked with that code and message
 * for operators, never retried. Any other error rolls back and the event is delivered again. A
 * change to personal data is recorded with `audit.recordChange`, in the same transaction.
 */
export type EventHandler = (transaction: TransactionQueries, event: OutboxEvent, audit: EventAudit) => Promise<void>;

/** Why a rule refused one event of a batch: it is parked with this code and message. */
export interface EventRefusal {
  code: string;
  message: string;
}

/**
 * Applies many events of one type at once, in the consumer's transaction: what a burst of
 * events (a unit's whole staff registered in one call) needs to be applied in a few statements
 * rather than a transaction each. Answers the refusals by event id; a refused event must have
 * changed nothing. A thrown error rolls the whole batch back, and the consumer then applies its
 * events one at a time through the same function, so one bad event cannot hold the others up.
 */
export interface EventBatchHandler {
  applyMany(
    transaction: TransactionQueries,
    events: readonly OutboxEvent[],
    audit: EventAudit,
  ): Promise<ReadonlyMap<string, EventRefusal>>;
}

/** The events one agency consumes, by producing subgraph and event type. Unlisted types are acknowledged and ignored. */
export type EventHandlers = Readonly<Record<string, Readonly<Record<string, EventHandler | EventBatchHandler>>>>;
