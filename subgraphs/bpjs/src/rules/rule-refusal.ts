import { JembatanError, type ErrorCode } from '@jembatan/kit';

/**
 * Why a rule says no, as data: a bulk enrolment reports it per person and carries on with the
 * others, a single write throws it (`refuse`). The code is one of the catalogue's.
 */
export interface RuleRefusal {
  code: ErrorCode;
  reason: string;
  details: Readonly<Record<string, unknown>>;
}

export function refusal(code: ErrorCode, reason: string, details: Record<string, unknown> = {}): RuleRefusal {
  return { code, reason, details };
}

/** The refusal as the client-facing error of a write that cannot go on. */
export function refuse(refused: RuleRefusal): JembatanError {
  return new JembatanError(refused.code, refused.reason, { ...refused.details });
}

/** Throws the refusal, if any: for writes about one record, where any refusal stops the write. */
export function enforce(refused: RuleRefusal | null): void {
  if (refused) throw refuse(refused);
}
