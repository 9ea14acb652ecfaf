import type { EventPublisher } from '../event-transport';
import { isSettled } from '../inbox/delivery';
import type { OutboxEvent } from '../outbox-event';
import { EVENTS_PATH, MAX_EVENTS_PER_PUSH, type EventsPush, type EventsPushResult } from './events-push';
import { EVENTS_TOKEN_HEADER } from './events-token';

export interface EmbeddedPublisherOptions {
  source: string;
  /** Every other service, by name, at its base URL (`http://127.0.0.1:4002`). */
  peers: Readonly<Record<string, string>>;
  sign: (source: string, consumer: string, body: string) => Promise<string>;
  /** How long one push may take before it counts as failed. */
  timeoutMs?: number;
}

/**
 * The producer's end of the embedded transport: pushes each batch to every other service's
 * events route and succeeds only when every one of them settled every event. A consumer that is
 * down or holds an event back fails the batch, which stays in the outbox and is pushed again
 * (settled events come back `already-applied`): the outbox is the queue, no broker needed.
 */
export function createEmbeddedPublisher(options: EmbeddedPublisherOptions): EventPublisher {
  // How often each consumer was sent each event, so it can park one that keeps failing. In
  // memory: after a restart counting starts again, which only delays parking.
  const attempts = new Map<string, number>();

  const push = async (consumer: string, baseUrl: string, events: readonly OutboxEvent[]): Promise<string[]> => {
    const deliveries = events.map((event) => {
      const key = `${consumer}\u0000${event.id}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      return { event, attempt };
    });
    const body = JSON.stringify({ deliveries } satisfies EventsPush);
    let response: Response;
    try {
      response = await fetch(new URL(EVENTS_PATH, baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [EVENTS_TOKEN_HEADER]: await options.sign(options.source, consumer, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new Error(`${consumer} unreachable at ${baseUrl}: ${(error as Error).message}`, { cause: error });
    }
    if (!response.ok)
      throw new Error(`${consumer} refused the events: HTTP ${response.status} ${await response.text()}`);
    const { outcomes } = (await response.json()) as EventsPushResult;
    const unsettled = events.filter((event) => !isSettled(outcomes[event.id] ?? 'failed'));
    for (const event of events) if (!unsettled.includes(event)) attempts.delete(`${consumer}\u0000${event.id}`);
    return unsettled.map((event) => `${event.type} ${event.id} (${outcomes[event.id] ?? 'no answer'})`);
  };

  return {
    name: 'embedded',
    async publish(events) {
      const problems: string[] = [];
      for (const [consumer, baseUrl] of Object.entries(options.peers)) {
        if (consumer === options.source) continue;
        for (let start = 0; start < events.length; start += MAX_EVENTS_PER_PUSH) {
          const unsettled = await push(consumer, baseUrl, events.slice(start, start + MAX_EVENTS_PER_PUSH));
          if (unsettled.length > 0)
            problems.push(`${consumer} did not settle ${unsettled.length}: ${unsettled.slice(0, 3).join(', ')}`);
        }
      }
      if (problems.length > 0) throw new Error(problems.join('; '));
    },
    async close() {},
  };
}
