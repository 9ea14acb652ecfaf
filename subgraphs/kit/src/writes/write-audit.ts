import type { AuditEntry } from '../audit/audit-entry';
import type { WriteContext } from './write-context';

const sortedUnique = (items: Iterable<string>) => [...new Set(items)].sort();

/** Who wrote, for which purpose, in which request: a mutation's context, or the events that caused a change. */
export type WriteOrigin = Pick<WriteContext, 'caller' | 'purpose' | 'operationName' | 'requestId' | 'dataSubject'>;

/** Who wrote, with which roles, for which purpose, in which request: the part every write record shares. */
const whoAndWhy = (context: WriteOrigin) => ({
  callerSubject: context.caller.subject,
  callerAgency: context.caller.agency,
  callerRoles: context.caller.roles,
  purpose: context.purpose,
  operationName: context.operationName,
  requestId: context.requestId,
  dataSubject: context.dataSubject ?? null,
});

/** The record of a change made: whose, which fields, and each new value's digest (`changes`), never the value. */
export function writeRecord(
  context: WriteOrigin,
  subjects: readonly string[],
  changes: readonly { field: string; digest: string }[],
): AuditEntry {
  return {
    ...whoAndWhy(context),
    action: 'WRITE',
    subjects: sortedUnique(subjects),
    fields: sortedUnique(changes.map((change) => change.field)),
    changes: sortedUnique(changes.map((change) => change.digest)),
  };
}

/** The record of a change refused: whose it would have been, the fields attempted and the code; no values. */
export function refusedWriteRecord(
  context: WriteOrigin,
  attempt: { subjects: readonly string[]; fields: readonly string[] },
  refusalCode: string,
): AuditEntry {
  return {
    ...whoAndWhy(context),
    action: 'WRITE_REFUSED',
    subjects: sortedUnique(attempt.subjects),
    fields: sortedUnique(attempt.fields),
    refusalCode,
  };
}
