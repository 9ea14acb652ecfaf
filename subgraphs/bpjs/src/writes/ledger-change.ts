import type { WriteDone } from '@jembatan/kit';

/**
 * What one change to the ledger did, inside its transaction: the answer, whom it is about, the
 * fields it set and the events it causes. A mutation hands it to the kit's runWrite (audit record,
 * outbox, idempotency); an event handler appends the events itself.
 */
export type LedgerChange<TResult> = WriteDone<TResult>;
