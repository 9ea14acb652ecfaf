/**
 * An event as the change that caused it writes it: in the same transaction as the change, so
 * the event exists exactly when the change does (the transactional outbox).
 */
export interface OutboxEventDraft {
  /** What happened, in the past tense: `WorkerRegistered`, `ParticipantEnrolled`. */
  type: string;
  /**
   * Whose events must be applied in the order they were written, e.g. `nik:3174015203850001`:
   * every event of one worker carries the same key, and consumers apply them by `keySeq`.
   */
  orderingKey: string;
  /** Only what the consuming agency's policy allows it to keep: never more than its rule needs. */
  payload: Readonly<Record<string, unknown>>;
}

/** An event once it is in the outbox: what relays publish and consumers receive. */
export interface OutboxEvent extends OutboxEventDraft {
  /** Unique across agencies (a UUID): the inbox records each id once, so redelivery changes nothing. */
  id: string;
  /** The producing subgraph's name: `workforce`, `bpjs`. */
  source: string;
  /** The outbox's own order (commit order is not guaranteed to follow it across transactions). */
  position: number;
  /** 1, 2, 3… per ordering key, without gaps: a consumer that sees 3 before 2 waits for 2. */
  keySeq: number;
  /** When the change committed's transaction wrote it, ISO 8601 in UTC. */
  occurredAt: string;
}
