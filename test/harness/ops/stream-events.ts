import { connect } from 'nats';
import type { OutboxEvent } from '@jembatan/kit';

/**
 * Every message a JetStream stream holds, in stream order, decoded: what any consumer of the
 * stream is delivered. Read one by one by sequence, so nothing is acknowledged or consumed.
 */
export async function streamEvents(natsUrl: string, stream: string): Promise<OutboxEvent[]> {
  const nats = await connect({ servers: natsUrl });
  try {
    const manager = await nats.jetstreamManager();
    const { state } = await manager.streams.info(stream);
    const events: OutboxEvent[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
      events.push((await manager.streams.getMessage(stream, { seq })).json<OutboxEvent>());
    }
    return events;
  } finally {
    await nats.close();
  }
}

/** The key sequence numbers each ordering key's events arrived with, in stream order. */
export function keySeqsByKey(events: readonly Pick<OutboxEvent, 'orderingKey' | 'keySeq'>[]): Record<string, number[]> {
  const byKey: Record<string, number[]> = {};
  for (const event of events) (byKey[event.orderingKey] ??= []).push(event.keySeq);
  return byKey;
}
