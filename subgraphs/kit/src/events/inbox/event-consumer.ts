import type { DataSource } from 'typeorm';
import { describeError, type Logger } from '../../log';
import type { EventBatchHandler, EventHandler, EventHandlers } from '../event-handler';
import { UNOBSERVED_EVENTS, type EventMetrics } from '../event-metrics';
import type { OutboxEvent } from '../outbox-event';
import { applyBatch } from './apply-batch';
import { applyDelivery } from './apply-delivery';
import { isSettled, type Delivery, type DeliveryOutcome } from './delivery';
import { asBatchHandler, asEventHandler } from './handler-forms';
import { KeyBatchQueue } from './key-batch-queue';

/** Events applied in one transaction at most: a burst's statements and locks stay bounded. */
export const APPLY_BATCH_LIMIT = 500;

export interface EventConsumerOptions {
  dataSource: DataSource;
  handlers: EventHandlers;
  logger: Logger;
  metrics?: EventMetrics;
  /** Deliveries before an event that keeps failing is parked (EVENTS_MAX_DELIVERIES). */
  maxDeliveries: number;
  /** Batches applied at once; each holds a database connection while it applies (EVENTS_CONCURRENCY). */
  concurrency: number;
}

/** The consuming agency's side of every transport: deliveries in, outcomes out. */
export interface EventConsumer {
  /** The sources this agency consumes: the producing subgraphs its handlers name. */
  readonly sources: readonly string[];
  /**
   * Applies one delivery after every delivery of its key received before it, and together with
   * other keys' deliveries received meanwhile. Never rejects: a failure is the outcome `failed`.
   */
  receive(delivery: Delivery): Promise<DeliveryOutcome>;
  /** Waits for the deliveries received so far. */
  idle(): Promise<void>;
}

/** The sources a consumer pulls, in a stable order. */
export const sourcesOf = (handlers: EventHandlers): string[] => Object.keys(handlers).sort();

const handlerKey = (source: string, type: string) => `${source}\u0000${type}`;

export function createEventConsumer(options: EventConsumerOptions): EventConsumer {
  const metrics = options.metrics ?? UNOBSERVED_EVENTS;
  // Each handler in both forms, once: a batch groups its events by handler object.
  const batchHandlers = new Map<string, EventBatchHandler>();
  const eventHandlers = new Map<string, EventHandler>();
  for (const [source, types] of Object.entries(options.handlers)) {
    for (const [type, handler] of Object.entries(types)) {
      batchHandlers.set(handlerKey(source, type), asBatchHandler(handler));
      eventHandlers.set(handlerKey(source, type), asEventHandler(handler));
    }
  }
  // When an unsettled event first arrived, for the record of one parked later; bounded by the
  // events in flight, as a settled one is forgotten.
  const firstSeen = new Map<string, Date>();
  const firstSeenAt = (event: OutboxEvent) => firstSeen.get(event.id)!;

  const applyOne = async (delivery: Delivery): Promise<DeliveryOutcome> => {
    try {
      return await applyDelivery(
        delivery,
        {
          dataSource: options.dataSource,
          handler: eventHandlers.get(handlerKey(delivery.event.source, delivery.event.type)),
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
        firstSeenAt(delivery.event),
      );
    } catch (error) {
      // The inbox itself failed (the database is away): deliver again later.
      options.logger.error('event could not be recorded', { eventId: delivery.event.id, ...describeError(error) });
      return 'failed';
    }
  };

  /** The batch in one transaction; if that fails, each delivery alone, so only the failing one is retried. */
  const applyMany = async (deliveries: readonly Delivery[]): Promise<Map<string, DeliveryOutcome>> => {
    if (deliveries.length > 1) {
      try {
        return await applyBatch(deliveries, {
          dataSource: options.dataSource,
          handlerOf: (event) => batchHandlers.get(handlerKey(event.source, event.type)),
          firstSeenAt,
        });
      } catch (error) {
        options.logger.warn('event batch failed; applying its events one by one', {
          events: deliveries.length,
          ...describeError(error),
        });
      }
    }
    const outcomes = new Map<string, DeliveryOutcome>();
    for (const delivery of deliveries) outcomes.set(delivery.event.id, await applyOne(delivery));
    return outcomes;
  };

  const queue = new KeyBatchQueue<Delivery, DeliveryOutcome>({
    concurrency: options.concurrency,
    maxBatch: APPLY_BATCH_LIMIT,
    keyOf: (delivery) => `${delivery.event.source}\u0000${delivery.event.orderingKey}`,
    async run(deliveries) {
      for (const { event } of deliveries) if (!firstSeen.has(event.id)) firstSeen.set(event.id, new Date());
      const outcomes = await applyMany(deliveries);
      return deliveries.map((delivery) => {
        const { event } = delivery;
        const outcome = outcomes.get(event.id)!;
        if (isSettled(outcome)) firstSeen.delete(event.id);
        if (outcome === 'parked') {
          options.logger.warn('event parked', { eventId: event.id, source: event.source, type: event.type });
        }
        metrics.delivered(event.source, outcome, delivery.attempt, event.occurredAt);
        return outcome;
      });
    },
  });

  return {
    sources: sourcesOf(options.handlers),
    receive: (delivery) =>
      queue.submit(delivery).catch((error: unknown) => {
        // Each delivery's own failure is already an outcome; this is the consumer's own bug.
        options.logger.error('event delivery could not be settled', {
          eventId: delivery.event.id,
          ...describeError(error),
        });
        return 'failed' as const;
      }),
    idle: () => queue.idle(),
  };
}
