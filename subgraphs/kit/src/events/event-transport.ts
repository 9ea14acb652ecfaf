import type { EventConsumer } from './inbox/event-consumer';
import type { OutboxEvent } from './outbox-event';

/**
 * Where a producing agency's relay hands its events: `publish` resolves only once the transport
 * has taken responsibility for every event given (NATS: each stored in the stream; embedded:
 * each settled by every consumer), and rejects otherwise, so the relay marks nothing published
 * that could still be lost.
 */
export interface EventPublisher {
  readonly name: string;
  publish(events: readonly OutboxEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** A consuming agency's subscription: delivers into the consumer until closed. */
export interface EventSubscription {
  close(): Promise<void>;
}

/** The two halves a transport provides; a service uses the publisher always, the subscriber when it has handlers. */
export interface EventTransport {
  readonly name: 'nats' | 'embedded';
  publisher(): EventPublisher | undefined;
  subscribe(consumer: EventConsumer): Promise<EventSubscription>;
  /** Resolves when the transport is reachable; rejects with the reason otherwise (readiness). */
  check(signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
