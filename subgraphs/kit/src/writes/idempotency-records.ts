import type { Database } from '../db/database';
import type { TableRetention } from '../retention/table-retention';
import { JembatanError } from '../errors/jembatan-error';
import type { TransactionQueries } from '../events/append-to-outbox';

/** How long a write's idempotency record is kept (see CreateIdempotencyRecords1766000000020). */
export const IDEMPOTENCY_RETENTION = '7 days';

/** Whose key it is and for which change: the same key may serve another caller or another mutation. */
export interface IdempotencyScope {
  callerSubject: string;
  mutation: string;
  key: string;
}

export type IdempotencyClaim = { kind: 'claimed' } | { kind: 'replay'; resultJson: string };

// Takes the key, or an expired record of it. A concurrent transaction holding the same key makes
// this wait for its commit; then the row exists and nothing is returned.
const CLAIM_SQL = `
  INSERT INTO idempotency_record AS r (caller_subject, mutation, key, request_digest)
  VALUES ($1, $2, $3, $4)
  ON CONFLICT (caller_subject, mutation, key) DO UPDATE
     SET request_digest = EXCLUDED.request_digest, result = NULL, created_at = now()
   WHERE r.created_at < now() - interval '${IDEMPOTENCY_RETENTION}'
  RETURNING true AS claimed`;

const FIND_SQL = `
  SELECT request_digest, result::text AS result_json FROM idempotency_record
   WHERE caller_subject = $1 AND mutation = $2 AND key = $3`;

/**
 * Claims an idempotency key inside the write's transaction: 'claimed' when the key is new (the
 * write goes ahead, and storeIdempotentResult completes the record before commit), 'replay' with
 * the stored result when the same request was already made; IDEMPOTENCY_KEY_REUSED when the key
 * was used for another input or purpose.
 */
export async function claimIdempotencyKey(
  transaction: TransactionQueries,
  scope: IdempotencyScope,
  requestDigest: Buffer,
): Promise<IdempotencyClaim> {
  const params = [scope.callerSubject, scope.mutation, scope.key];
  const claimed = (await transaction.query(CLAIM_SQL, [...params, requestDigest])) as unknown[];
  if (claimed.length === 1) return { kind: 'claimed' };
  const [found] = (await transaction.query(FIND_SQL, params)) as {
    request_digest: Buffer;
    result_json: string | null;
  }[];
  if (!found?.result_json) throw new Error(`idempotency record of ${scope.mutation} vanished or has no result`);
  if (!found.request_digest.equals(requestDigest)) {
    throw new JembatanError(
      'IDEMPOTENCY_KEY_REUSED',
      `This idempotency key was already used for ${scope.mutation} with a different input or purpose; retry with the original input, or use a new key for a new change`,
      { argument: 'idempotencyKey' },
    );
  }
  return { kind: 'replay', resultJson: found.result_json };
}

/** Completes the claimed record with the result the client gets, in the same transaction. */
export async function storeIdempotentResult(
  transaction: TransactionQueries,
  scope: IdempotencyScope,
  resultJson: string,
): Promise<void> {
  await transaction.query(
    'UPDATE idempotency_record SET result = $4::jsonb WHERE caller_subject = $1 AND mutation = $2 AND key = $3',
    [scope.callerSubject, scope.mutation, scope.key, resultJson],
  );
}

/** Records past IDEMPOTENCY_RETENTION: a claim would take their key over as new anyway. */
export const IDEMPOTENCY_RECORDS_RETENTION: TableRetention = {
  table: 'idempotency_record',
  what: 'expired idempotency records',
  retention: IDEMPOTENCY_RETENTION,
  purgeSql: `DELETE FROM idempotency_record WHERE created_at < now() - interval '${IDEMPOTENCY_RETENTION}'`,
};

/** Deletes the records past IDEMPOTENCY_RETENTION; returns how many. */
export async function purgeExpiredIdempotencyRecords(database: Database): Promise<number> {
  const [, count] = (await database.dataSource.query(IDEMPOTENCY_RECORDS_RETENTION.purgeSql)) as [unknown, number];
  return count;
}
