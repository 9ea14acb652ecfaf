import type { OutboxEvent } from '../outbox-event';

/** One event as a transport hands it to the consumer: the how-many-th time it arrives. */
export interface Delivery {
  event: OutboxEvent;
  /** 1 on first delivery; a transport counts its redeliveries. */
  attempt: number;
}

/**
 * What became of a delivery, and so what the transport does: `applied`, `ignored` (no handler
 * for its type), `already-applied` (a duplicate or a stale keySeq) and `parked` are settled and
 * acknowledged; `held` (an earlier keySeq of its key is not applied yet) and `failed` (the
 * handler failed, not a rule: rolled back) are delivered again later.
 */
export type DeliveryOutcome = 'applied' | 'ignored' | 'already-applied' | 'parked' | 'held' | 'failed';

export const isSettled = (outcome: DeliveryOutcome): boolean => outcome !== 'held' && outcome !== 'failed';

/** How long a transport waits before delivering an unsettled event again: grows with attempts, capped. */
export function redeliveryDelayMs(outcome: DeliveryOutcome, attempt: number): number {
  // A held event waits only for its predecessor, which is usually right behind it.
  const base = outcome === 'held' ? 100 : 500;
  return Math.min(base * 2 ** Math.min(attempt - 1, 10), outcome === 'held' ? 2_000 : 30_000);
}
