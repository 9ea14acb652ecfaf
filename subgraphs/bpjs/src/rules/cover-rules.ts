import { Program, Segment } from '../types/enums';
import { COLLECTIVE_COVER_STARTS, PROGRAM_OPENS, SEGMENT_PROGRAMS, type WorkerCategory } from './programme-calendar';
import { refusal, type RuleRefusal } from './rule-refusal';

/** One programme's cover as it will be written: from `since`. */
export interface PlannedCover {
  program: Program;
  since: string;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** Refuses a programme the segment may not join (BPU: JP, JKP). */
export function programRefusal(segment: Segment, program: Program): RuleRefusal | null {
  if (SEGMENT_PROGRAMS[segment].includes(program)) return null;
  return refusal(
    'PROGRAM_NOT_AVAILABLE',
    `${segment} participants cannot join ${program}; they take ${SEGMENT_PROGRAMS[segment].join(', ')}`,
    { program, segment, allowed: [...SEGMENT_PROGRAMS[segment]] },
  );
}

/** The first day a worker of the category may be covered by the programme through DKI's registration. */
export function earliestCollectiveCover(category: WorkerCategory, program: Program): string {
  const start = COLLECTIVE_COVER_STARTS[category][program] ?? '0001-01-01';
  return later(start, PROGRAM_OPENS[program] ?? start);
}

/** Refuses cover that would start before the programme starts for the category. */
export function coverStartRefusal(category: WorkerCategory, program: Program, since: string): RuleRefusal | null {
  const earliest = earliestCollectiveCover(category, program);
  if (since >= earliest) return null;
  return refusal('PROGRAM_NOT_AVAILABLE', `${program} cover for ${category} workers cannot start before ${earliest}`, {
    program,
    category,
    earliest,
  });
}

/**
 * The agreement's cover for a DKI worker as a BPU participant: each programme from the contract
 * start, but not before the programme starts for the category (PKP: JKK and JKM from 2016-03-01,
 * JHT from 2017-01-01). A programme a BPU may not take refuses the whole registration: DKI asked
 * for something BPJS cannot give, and half a registration would hide it.
 */
export function planCollectiveCover(
  category: WorkerCategory,
  contractStart: string,
  programs: readonly Program[],
): PlannedCover[] | RuleRefusal {
  for (const program of programs) {
    const refused = programRefusal(Segment.BPU, program);
    if (refused) return refused;
  }
  const distinct = [...new Set(programs)];
  return distinct.map((program) => ({
    program,
    since: later(contractStart, earliestCollectiveCover(category, program)),
  }));
}
