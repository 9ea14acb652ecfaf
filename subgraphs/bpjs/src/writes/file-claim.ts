import { JembatanError, type TransactionQueries } from '@jembatan/kit';
import type { ClaimEntity } from '../entities';
import { claimAmountRefusal, coverageRefusal, enforce } from '../rules';
import type { Program } from '../types/enums';
import type { LedgerChange } from './ledger-change';
import { lockParticipant } from './lock-participant';
import { participantSubjects } from './participant-subjects';

export interface ClaimFiling {
  kpj: string;
  program: Program;
  incidentDate: string;
  /** The claimed benefit in whole Rupiah. */
  amount: bigint;
  /** Kemendagri code of the branch office's city or regency (`31.74`) or province (`31`). */
  regionCode: string;
  /** The day the branch took the claim: today, or an earlier day when a paper filing is keyed in. */
  filedOn: string;
}

/** The claim as every claim mutation answers it: JSON-safe, as the idempotency record stores it. */
export type ClaimRecord = Pick<
  ClaimEntity,
  | 'id'
  | 'kpj'
  | 'program'
  | 'filedOn'
  | 'status'
  | 'amount'
  | 'regionCode'
  | 'version'
  | 'incidentDate'
  | 'decidedOn'
  | 'rejectionReason'
>;

/** Columns of `claim` as a ClaimRecord. */
export const CLAIM_RECORD_COLUMNS = `id, kpj, program, filed_on::text AS "filedOn", status, amount::text AS amount,
  region_code AS "regionCode", version, incident_date::text AS "incidentDate", decided_on::text AS "decidedOn",
  rejection_reason AS "rejectionReason"`;

// References continue BPJS's KLM-<year>-<serial> from their own sequence (see AddWriteState).
const INSERT_SQL = `
  INSERT INTO claim (id, kpj, program, filed_on, status, amount, region_code, incident_date)
  VALUES ('KLM-' || extract(year FROM $3::date) || '-' || lpad(nextval('claim_reference_seq')::text, 7, '0'),
          $1, $2, $3, 'SUBMITTED', $4, $5, $6)
  RETURNING ${CLAIM_RECORD_COLUMNS}`;

/**
 * Files a claim, SUBMITTED: only for a programme that covered the participant on the incident
 * date (NOT_COVERED), at a valid amount (a JKM claim at the statutory amount of the death's date),
 * and never for an incident after the filing. The claim totals follow by their triggers.
 */
export async function fileClaim(
  transaction: TransactionQueries,
  filing: ClaimFiling,
): Promise<LedgerChange<ClaimRecord>> {
  if (filing.incidentDate > filing.filedOn) {
    throw new JembatanError(
      'INVALID_DATE_RANGE',
      `The incident (${filing.incidentDate}) cannot come after the filing (${filing.filedOn})`,
      {
        field: 'incidentDate',
      },
    );
  }
  const participant = await lockParticipant(transaction, filing.kpj, 'SHARE');
  enforce(coverageRefusal(participant.enrollments, filing.program, filing.incidentDate));
  enforce(claimAmountRefusal(filing.program, filing.incidentDate, filing.amount));
  const [claim] = (await transaction.query(INSERT_SQL, [
    filing.kpj,
    filing.program,
    filing.filedOn,
    String(filing.amount),
    filing.regionCode,
    filing.incidentDate,
  ])) as ClaimRecord[];
  return {
    result: claim!,
    subjects: participantSubjects(participant),
    changes: [
      { field: 'Claim.program', value: filing.program },
      { field: 'Claim.amount', value: String(filing.amount) },
      { field: 'Claim.incidentDate', value: filing.incidentDate },
      { field: 'Claim.status', value: claim!.status },
    ],
    events: [],
  };
}
