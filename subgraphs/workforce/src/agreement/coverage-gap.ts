import { requiredPemprovPrograms, type Program } from '@jembatan/seed-world';
import type { WorkerCategory } from '../types';

/** Why a worker shows up where DKI's registry and BPJS's disagree. */
export type CoverageGapKind = 'MISSING_COVER' | 'COVER_AFTER_CONTRACT_END';

/** One disagreement between the registries about one worker, on one date. */
export interface CoverageGapRow {
  nik: string;
  unitCode: string;
  category: WorkerCategory;
  contractEnd: string | null;
  kind: CoverageGapKind;
  /** MISSING_COVER: the required programmes without cover; COVER_AFTER_CONTRACT_END: those still running. */
  programs: Program[];
  /** COVER_AFTER_CONTRACT_END: the unit that registered the cover still running. */
  registrarUnitCode: string | null;
}

const CATEGORIES: readonly WorkerCategory[] = ['PKP', 'PPSU', 'KEBERSIHAN'] as WorkerCategory[];

/** The programmes required on `asOf`, per category, as the three SQL arrays the gap queries take. */
export function requiredProgramsOn(asOf: string): Record<WorkerCategory, Program[]> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, requiredPemprovPrograms(c, asOf)])) as Record<
    WorkerCategory,
    Program[]
  >;
}

/** What a gap means, in words an HR officer or a BPJS officer can act on. */
export function explainGap(gap: CoverageGapRow): string {
  const programs = gap.programs.join(', ');
  if (gap.kind === 'MISSING_COVER') {
    return `Active ${gap.category} contract at ${gap.unitCode} without the BPJS cover the agreement requires: ${programs}. Enrol the worker (enrolParticipants) or wait for the registration event to arrive.`;
  }
  return `Contract ended on ${gap.contractEnd}, but the BPU cover registered by ${gap.registrarUnitCode} still runs: ${programs}. End the cover (endCoverage) on the contract's end date.`;
}
