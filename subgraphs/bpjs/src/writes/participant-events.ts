import type { OutboxEventDraft } from '@jembatan/kit';
import type { Program } from '../types/enums';
import type { PlannedCover } from '../rules';

/**
 * What BPJS tells Pemprov DKI about a worker DKI registered, and all of it DKI may keep: the NIK
 * (DKI's own key for the worker), the KPJ (DKI's HR reads it already, `Participant.kpj` under
 * ENROLMENT and HR_ADMINISTRATION), the registering unit (DKI's own code) and each programme's
 * first day (DKI's HR reads enrolments too). Never the name (DKI's own record is the source),
 * the segment or anything about claims, which BPJS does not show DKI.
 */
export interface ParticipantEnrolledPayload {
  nik: string;
  kpj: string;
  registrarUnitCode: string | null;
  programs: readonly PlannedCover[];
}

/**
 * Cover ended: the same identifiers, which programmes, and the last covered day; and, when an
 * ended contract withdrew cover that had not started yet, which (DKI's copy of the cover drops it).
 */
export interface CoverageEndedPayload {
  nik: string;
  kpj: string;
  programs: readonly Program[];
  until: string;
  withdrawn?: readonly { program: Program; since: string }[];
}

/** Every event about one person carries their NIK as ordering key, as DKI's events do. */
const orderingKey = (nik: string) => `nik:${nik}`;

export function participantEnrolled(payload: ParticipantEnrolledPayload): OutboxEventDraft {
  return { type: 'ParticipantEnrolled', orderingKey: orderingKey(payload.nik), payload: { ...payload } };
}

export function coverageEnded(payload: CoverageEndedPayload): OutboxEventDraft {
  return { type: 'CoverageEnded', orderingKey: orderingKey(payload.nik), payload: { ...payload } };
}
