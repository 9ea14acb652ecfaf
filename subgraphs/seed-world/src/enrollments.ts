import { addDays, addMonths, ageOn, maxDate, type IsoDate } from './dates';
import {
  INGUB_288_COVERAGE_START,
  JKP_MAX_AGE_AT_ENROLMENT,
  JKP_SINCE,
  JP_START,
  PKP_COVERAGE_START,
  PKP_JHT_START,
} from './policy';
import type { Random } from './random';
import type { Program, Segment, WorkerCategory, WorldEnrollment } from './types';

/**
 * Which programmes each kind of participant has, and from when. BPU (non-wage earners, which is
 * how DKI registered all its contract workers) can take JKK, JKM and JHT but never JP or JKP.
 */
export function pemprovWorkerEnrollments(
  kpj: string,
  category: WorkerCategory,
  contractStart: IsoDate,
): WorldEnrollment[] {
  if (category === 'PKP') {
    return [
      enrollment(kpj, 'JKK', PKP_COVERAGE_START),
      enrollment(kpj, 'JKM', PKP_COVERAGE_START),
      enrollment(kpj, 'JHT', PKP_JHT_START),
    ];
  }
  const since = pemprovCoverageStart(category, contractStart);
  return [enrollment(kpj, 'JKK', since), enrollment(kpj, 'JKM', since)];
}

/** The date a Pemprov worker's BPJS coverage (and registration) begins. */
export function pemprovCoverageStart(category: WorkerCategory, contractStart: IsoDate): IsoDate {
  if (category === 'PKP') return PKP_COVERAGE_START;
  // Instruksi Gubernur 288/2015 covered the crews in post; later hires from their first day.
  return maxDate(INGUB_288_COVERAGE_START, contractStart);
}

/** Share of non-Pemprov BPU who also save in JHT, which is optional for them. */
export const BPU_JHT_SHARE = 0.6;
export const PMI_JHT_SHARE = 0.5;
/** A construction project's cover lasts as long as the project. */
export const JAKON_PROJECT_MONTHS = { min: 6, max: 24 } as const;
/** A migrant worker's package covers pre-placement and a 24-month placement. */
export const PMI_COVER_MONTHS = 25;

export function otherParticipantEnrollments(
  random: Random,
  kpj: string,
  segment: Segment,
  registeredOn: IsoDate,
): WorldEnrollment[] {
  switch (segment) {
    case 'PU':
      return [
        enrollment(kpj, 'JKK', registeredOn),
        enrollment(kpj, 'JKM', registeredOn),
        enrollment(kpj, 'JHT', registeredOn),
        enrollment(kpj, 'JP', maxDate(registeredOn, JP_START)),
      ];
    case 'BPU':
      return [
        enrollment(kpj, 'JKK', registeredOn),
        enrollment(kpj, 'JKM', registeredOn),
        ...(random.chance(BPU_JHT_SHARE) ? [enrollment(kpj, 'JHT', registeredOn)] : []),
      ];
    case 'JAKON': {
      const months = random.int(JAKON_PROJECT_MONTHS.min, JAKON_PROJECT_MONTHS.max);
      const until = addDays(addMonths(registeredOn, months), -1);
      return [enrollment(kpj, 'JKK', registeredOn, until), enrollment(kpj, 'JKM', registeredOn, until)];
    }
    case 'PMI': {
      const until = addDays(addMonths(registeredOn, PMI_COVER_MONTHS), -1);
      return [
        enrollment(kpj, 'JKK', registeredOn, until),
        enrollment(kpj, 'JKM', registeredOn, until),
        ...(random.chance(PMI_JHT_SHARE) ? [enrollment(kpj, 'JHT', registeredOn)] : []),
      ];
    }
  }
}

/** Whether a participant can join JKP: a wage earner still covered, under 54 (PP 37/2021). */
export function canJoinJkp(segment: Segment, birthDate: IsoDate, enrollments: readonly WorldEnrollment[]): boolean {
  return (
    segment === 'PU' &&
    ageOn(birthDate, JKP_SINCE) <= JKP_MAX_AGE_AT_ENROLMENT &&
    enrollments.every((e) => e.until === null) &&
    !enrollments.some((e) => e.program === 'JKP')
  );
}

export function jkpEnrollment(kpj: string): WorldEnrollment {
  return enrollment(kpj, 'JKP', JKP_SINCE);
}

function enrollment(kpj: string, program: Program, since: IsoDate, until: IsoDate | null = null): WorldEnrollment {
  return { kpj, program, since, until };
}
