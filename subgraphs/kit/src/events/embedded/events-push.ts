import type { DeliveryOutcome } from '../inbox/delivery';
import type { OutboxEvent } from '../outbox-event';

/** Where a consumer's embedded transport takes pushes of events. */
export const EVENTS_PATH = '/internal/events';

/** One push from a producer: its events, each with the how-many-th time it is sent. */
export interface EventsPush {
  deliveries: { event: OutboxEvent; attempt: number }[];
}

/** The consumer's answer: the outcome of each event, by id. */
export interface EventsPushResult {
  outcomes: Record<string, DeliveryOutcome>;
}

/** At most this many events per push: a relay batch larger than this is sent in several. */
export const MAX_EVENTS_PER_PUSH = 1_000;
