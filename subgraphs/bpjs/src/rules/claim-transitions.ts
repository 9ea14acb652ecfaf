import { ClaimStatus } from '../types/enums';
import { refusal, type RuleRefusal } from './rule-refusal';

/** SUBMITTED → VERIFIED → PAID, and REJECTED from either open state; PAID and REJECTED are final. */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  [ClaimStatus.SUBMITTED]: [ClaimStatus.VERIFIED, ClaimStatus.REJECTED],
  [ClaimStatus.VERIFIED]: [ClaimStatus.PAID, ClaimStatus.REJECTED],
  [ClaimStatus.PAID]: [],
  [ClaimStatus.REJECTED]: [],
};

/** Refuses a move the state machine does not have, saying where the claim is and where it may go. */
export function transitionRefusal(from: ClaimStatus, to: ClaimStatus): RuleRefusal | null {
  const allowed = CLAIM_TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  const next = allowed.length > 0 ? `it may move to ${allowed.join(' or ')}` : `${from} is final`;
  return refusal('INVALID_TRANSITION', `A ${from} claim cannot become ${to}: ${next}`, {
    from,
    to,
    allowed: [...allowed],
  });
}
