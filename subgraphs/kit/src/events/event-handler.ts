import type { TransactionQueries } from './append-to-outbox';
import type { OutboxEvent } from './outbox-event';

/**
 * What a consuming agency does with one event of another agency, inside the transaction that
 * also records the event in its inbox: the change and "this event was applied" commit together,
 * so a redelivered event finds itself applied and changes nothing. A handler may append its own
 * events (appendToOutbox with the same transaction). It refuses an event it must never apply
 * (a rule says no) by throwing a JembatanError: the event is parked with that code and message
 * for operators, never retried. Any other error rolls back and the event is delivered again.
 */
export type EventHandler = (transaction: TransactionQueries, event: OutboxEvent) => Promise<void>;

/** The events one agency consumes, by producing subgraph and event type. Unlisted types are acknowledged and ignored. */
export type EventHandlers = Readonly<Record<string, Readonly<Record<string, EventHandler>>>>;
