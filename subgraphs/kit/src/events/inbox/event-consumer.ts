import type { DataSource } from 'typeorm';
import { describeError, type Logger } from '../../log';
import type { EventHandlers } from '../event-handler';
import { UNOBSERVED_EVENTS, type EventMetrics } from '../event-metrics';
import { applyDelivery } from './apply-delivery';
import { isSettled, type Delivery, type DeliveryOutcome } from './delivery';
import { KeySerialQueue } from './key-serial-queue';

export interface EventConsumerOptions {
  dataSource: DataSource;
  handlers: EventHandlers;
  logger: Logger;
  metrics?: EventMetrics;
  /** Deliveries before an event that keeps failing is parked (EVENTS_MAX_DELIVERIES). */
  maxDeliveries: number;
  /** Keys applied at once; each holds a database connection while it applies (EVENTS_CONCURRENCY). */
  concurrency: number;
}

/** The consuming agency's side of every transport: deliveries in, outcomes out. */
export interface EventConsumer {
  /** The sources this agency consumes: the producing subgraphs its handlers name. */
  readonly sources: readonly string[];
  /**
   * Applies one delivery after every delivery of its key received before it, and concurrently
   * with other keys. Never rejects: a failure is the outcome `failed`.
   */
  receive(delivery: Delivery): Promise<DeliveryOutcome>;
  /** Waits for the deliveries received so far. */
  idle(): Promise<void>;
}

/** The sources a consumer pulls, in a stable order. */
export const sourcesOf = (handlers: EventHandlers): string[] => Object.keys(handlers).sort();

export function createEventConsumer(options: EventConsumerOptions): EventConsumer {
  const metrics = options.metrics ?? UNOBSERVED_EVENTS;
  const queue = new KeySerialQueue(options.concurrency);
  // When an unsettled event first arrived, for the record of one parked later; bounded by the
  // events in flight, as a settled one is forgotten.
  const firstSeen = new Map<string, Date>();

  const apply = async (delivery: Delivery): Promise<DeliveryOutcome> => {
    const { event } = delivery;
    if (!firstSeen.has(event.id)) firstSeen.set(event.id, new Date());
    let outcome: DeliveryOutcome;
    try {
      outcome = await applyDelivery(
        delivery,
        {
          dataSource: options.dataSource,
          handler: options.handlers[event.source]?.[event.type],
          maxDeliveries: options.maxDeliveries,
          onFailure: (failed, error) =>
            options.logger.warn('event handler failed; it will be delivered again', {
              eventId: failed.event.id,
              source: failed.event.source,
              type: failed.event.type,
              attempt: failed.attempt,
              ...describeError(error),
            }),
        },
        firstSeen.get(event.id)!,
      );
    } catch (error) {
      // The inbox itself failed (the database is away): deliver again later.
      options.logger.error('event could not be recorded', { eventId: event.id, ...describeError(error) });
      outcome = 'failed';
    }
    if (isSettled(outcome)) firstSeen.delete(event.id);
    if (outcome === 'parked') {
      options.logger.warn('event parked', { eventId: event.id, source: event.source, type: event.type });
    }
    metrics.delivered(event.source, outcome, delivery.attempt, event.occurredAt);
    return outcome;
  };

  return {
    sources: sourcesOf(options.handlers),
    receive: (delivery) =>
      queue.run(`${delivery.event.source}\u0000${delivery.event.orderingKey}`, () => apply(delivery)),
    idle: () => queue.idle(),
  };
}
