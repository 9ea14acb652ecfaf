import type { DataSource } from 'typeorm';
import type { Purpose } from '../access/roles';
import { appendAuditEntryIn } from '../audit/audit-entry';
import type { FieldChange } from '../writes/run-write';
import { writeRecord, type WriteOrigin } from '../writes/write-audit';
import { writeDigests } from '../writes/write-digests';
import type { TransactionQueries } from './append-to-outbox';
import type { OutboxEvent } from './outbox-event';

/** A change another agency's events made to this agency's personal data. */
export interface EventChange {
  /** Why the agency acts on the events: the purpose its rule serves (BPJS enrols DKI's workers: ENROLMENT). */
  purpose: Purpose;
  /** Whom it changed (`nik:…`, `kpj:…`). */
  subjects: readonly string[];
  /** The fields it set and their new values: the audit trail keeps only the values' keyed digests. */
  changes: readonly FieldChange[];
}

/** How an event handler records what it changed, in the transaction that applies the events. */
export interface EventAudit {
  recordChange(change: EventChange): Promise<void>;
}

/**
 * Records event-driven changes as WRITE records in this agency's hash chain, in the consumer's
 * transaction, like a mutation's: caller `events:<source>` (the producing agency's events, not a
 * person), the event type as the operation and the (first) event's id as the request, the fields
 * changed with their values' keyed digests.
 */
export function eventAudit(
  dataSource: DataSource,
  transaction: TransactionQueries,
  events: readonly OutboxEvent[],
): EventAudit {
  const [first] = events;
  return {
    async recordChange({ purpose, subjects, changes }) {
      if (!first || subjects.length === 0) return;
      const digests = await writeDigests({ dataSource }, transaction);
      const origin: WriteOrigin = {
        caller: { subject: `events:${first.source}`, agency: first.source, roles: [] },
        purpose,
        operationName: first.type,
        requestId: first.id,
        dataSubject: null,
      };
      await appendAuditEntryIn(
        transaction,
        writeRecord(
          origin,
          subjects,
          changes.map(({ field, value }) => ({ field, digest: digests.change(field, value) })),
        ),
      );
    },
  };
}
