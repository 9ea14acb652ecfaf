import type { EntityManager } from 'typeorm';
import { forbidden } from '../access/forbidden';
import { appendAuditEntry, appendAuditEntryIn } from '../audit/audit-entry';
import { JembatanError } from '../errors/jembatan-error';
import { appendToOutbox } from '../events/append-to-outbox';
import type { OutboxEventDraft } from '../events/outbox-event';
import { claimIdempotencyKey, storeIdempotentResult, type IdempotencyScope } from './idempotency-records';
import { requireIdempotencyKey } from './idempotency-key';
import { refusedWriteRecord, writeRecord } from './write-audit';
import type { WriteContext } from './write-context';
import { writeDigests } from './write-digests';

/** One change a client asks for. */
export interface WriteRequest {
  /** The Mutation field, as the policy's write rules name it: `Mutation.registerWorker`. */
  mutation: `Mutation.${string}`;
  idempotencyKey: string | null | undefined;
  /** Everything the client sent besides the key: the same key must come with the same input. */
  input: unknown;
  /**
   * Whom the change is about as far as the request says (`nik:…`), and the fields it would set
   * (`Worker.monthlyWage`): what the audit trail records of a refused attempt. Name only
   * well-formed identifiers: what a caller typed instead of one is never recorded.
   */
  attempt: { subjects: readonly string[]; fields: readonly string[] };
}

/** A field a write set, and its new value: the audit trail keeps only the value's keyed digest. */
export interface FieldChange {
  field: string;
  value: unknown;
}

/** What the work of a write did, inside its transaction. */
export interface WriteDone<TResult> {
  /** What the client gets, now and on every replay of the same request: JSON-safe values only. */
  result: TResult;
  /** Whom the change is about (`nik:…`). */
  subjects: readonly string[];
  changes: readonly FieldChange[];
  /** The events of the change, appended to the outbox in the same transaction. */
  events: readonly OutboxEventDraft[];
}

export interface WriteOutcome<TResult> {
  result: TResult;
  /** True when the same request was made before with this key: nothing was written this time. */
  replayed: boolean;
}

/**
 * The one way a mutation writes. In one transaction: claims the idempotency key (a repeated
 * request gets the first result and writes nothing), runs `work`, appends one audit record of the
 * change (fields and keyed digests of the new values, never the values), appends the change's
 * events to the outbox, stores the result for the key, and commits. A caller whose roles and
 * purpose the write rules do not allow gets FORBIDDEN before anything runs; a refusal of any kind
 * (a JembatanError: a domain rule, a reused key, a stale version) rolls everything back, and
 * then the attempt is recorded on its own (who, whom, fields attempted, the code; no values).
 */
export async function runWrite<TResult>(
  context: WriteContext,
  request: WriteRequest,
  work: (transaction: EntityManager) => Promise<WriteDone<TResult>>,
): Promise<WriteOutcome<TResult>> {
  const refuse = async (error: JembatanError) => {
    const code = String(error.extensions.code);
    await appendAuditEntry(context.database, refusedWriteRecord(context, request.attempt, code));
    return error;
  };
  if (!context.writes.has(request.mutation)) throw await refuse(forbidden(request.mutation));
  try {
    const scope: IdempotencyScope = {
      callerSubject: context.caller.subject,
      mutation: request.mutation,
      key: requireIdempotencyKey(request.idempotencyKey),
    };
    const digests = await writeDigests(context.database);
    const requestDigest = digests.request(request.input, context.purpose);
    const resultJson = await context.database.dataSource.transaction(async (transaction) => {
      const claim = await claimIdempotencyKey(transaction, scope, requestDigest);
      if (claim.kind === 'replay') return { json: claim.resultJson, replayed: true };
      const done = await work(transaction);
      const json = JSON.stringify(done.result);
      // The audit append locks its chain until commit: it comes last but for two short statements.
      await appendAuditEntryIn(
        transaction,
        writeRecord(
          context,
          done.subjects,
          done.changes.map(({ field, value }) => ({ field, digest: digests.change(field, value) })),
        ),
      );
      await appendToOutbox(transaction, context.service, done.events);
      await storeIdempotentResult(transaction, scope, json);
      return { json, replayed: false };
    });
    // The first answer is the stored one too, so a replay can never differ from it.
    return { result: JSON.parse(resultJson.json) as TResult, replayed: resultJson.replayed };
  } catch (error) {
    if (error instanceof JembatanError) throw await refuse(error);
    throw error;
  }
}
