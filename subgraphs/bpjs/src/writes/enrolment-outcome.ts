import type { ErrorCode } from '@jembatan/kit';
import type { PlannedCover } from '../rules';

export type EnrolmentStatus = 'ENROLLED' | 'ALREADY_ENROLLED' | 'REFUSED';

/** What became of one person of a bulk enrolment; JSON-safe, as the idempotency record stores it. */
export interface EnrolmentOutcome {
  /** The person's place in the request, from 0, so a screen matches outcomes to its rows. */
  index: number;
  nik: string;
  status: EnrolmentStatus;
  /** The membership number: new when ENROLLED (or the lifetime one on a re-enrolment), the existing one when ALREADY_ENROLLED. */
  kpj: string | null;
  /** The cover written, when ENROLLED. */
  programs: PlannedCover[];
  /** Why not, when REFUSED: a code of the catalogue and a sentence. */
  code: ErrorCode | null;
  reason: string | null;
}

export interface EnrolmentResult {
  registrarUnitCode: string;
  enrolled: number;
  alreadyEnrolled: number;
  refused: number;
  outcomes: EnrolmentOutcome[];
}
