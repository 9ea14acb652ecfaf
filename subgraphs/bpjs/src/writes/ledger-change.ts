import type { OutboxEventDraft } from '@jembatan/kit';

/** A field a write set and its new value (the audit trail keeps only a keyed digest of it). */
export interface FieldChange {
  field: string;
  value: unknown;
}

/**
 * What one change to the ledger did, inside its transaction: the answer, whom it is about, the
 * fields it set and the events it causes. A mutation hands it to the kit's runWrite (audit record,
 * outbox, idempotency); an event handler appends the events itself.
 */
export interface LedgerChange<TResult> {
  result: TResult;
  subjects: readonly string[];
  changes: readonly FieldChange[];
  events: readonly OutboxEventDraft[];
}
