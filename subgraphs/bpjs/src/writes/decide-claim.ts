import { checkVersion, notFound, type TransactionQueries } from '@jembatan/kit';
import { claimAmountRefusal, enforce, transitionRefusal } from '../rules';
import { ClaimStatus, type Program } from '../types/enums';
import { CLAIM_RECORD_COLUMNS, type ClaimRecord } from './file-claim';
import type { LedgerChange } from './ledger-change';
import { participantSubjects } from './participant-subjects';

export type ClaimDecision =
  | { to: ClaimStatus.VERIFIED }
  | { to: ClaimStatus.PAID; amount: bigint }
  | { to: ClaimStatus.REJECTED; reason: string };

export interface ClaimDecisionRequest {
  id: string;
  expectedVersion: number;
  decision: ClaimDecision;
  /** The day of the decision: today. */
  decidedOn: string;
}

const LOCK_SQL = `
  SELECT ${CLAIM_RECORD_COLUMNS}, (SELECT nik FROM participant p WHERE p.kpj = claim.kpj) AS nik
    FROM claim WHERE id = $1 FOR UPDATE`;

// A paid claim's amount becomes what was paid; the claim totals follow by their triggers. As a
// SELECT over the UPDATE, since TypeORM answers a bare UPDATE with [rows, count] on PostgreSQL.
const DECIDE_SQL = `
  WITH decided AS (
  UPDATE claim
     SET status = $2, amount = coalesce($3::numeric, amount), rejection_reason = $4,
         decided_on = CASE WHEN $2 = 'VERIFIED' THEN decided_on ELSE $5::date END, version = version + 1
   WHERE id = $1
  RETURNING ${CLAIM_RECORD_COLUMNS})
  SELECT * FROM decided`;

/**
 * Moves a claim along SUBMITTED → VERIFIED → PAID | REJECTED, at the version the client read:
 * any other move is INVALID_TRANSITION (with where it is and where it may go); a payment must fit
 * the programme (a JKM claim at the statutory amount of the death's date, or of the filing when
 * a loaded claim has no incident date).
 */
export async function decideClaim(
  transaction: TransactionQueries,
  request: ClaimDecisionRequest,
): Promise<LedgerChange<ClaimRecord>> {
  const [claim] = (await transaction.query(LOCK_SQL, [request.id])) as (ClaimRecord & { nik: string })[];
  if (!claim) throw notFound('Claim', request.id);
  checkVersion('Claim', claim.version, request.expectedVersion);
  const { decision } = request;
  enforce(transitionRefusal(claim.status, decision.to));
  const amount = decision.to === ClaimStatus.PAID ? decision.amount : null;
  if (amount !== null) {
    enforce(claimAmountRefusal(claim.program as Program, claim.incidentDate ?? claim.filedOn, amount));
  }
  const reason = decision.to === ClaimStatus.REJECTED ? decision.reason : null;
  const [decided] = (await transaction.query(DECIDE_SQL, [
    request.id,
    decision.to,
    amount === null ? null : String(amount),
    reason,
    request.decidedOn,
  ])) as ClaimRecord[];
  return {
    result: decided!,
    subjects: participantSubjects(claim),
    changes: [
      { field: 'Claim.status', value: decision.to },
      ...(amount === null ? [] : [{ field: 'Claim.amount', value: String(amount) }]),
      ...(reason === null ? [] : [{ field: 'Claim.rejectionReason', value: reason }]),
    ],
    events: [],
  };
}
