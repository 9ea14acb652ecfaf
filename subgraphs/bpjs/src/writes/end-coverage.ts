import { checkVersion, JembatanError, type TransactionQueries } from '@jembatan/kit';
import type { Program } from '../types/enums';
import { enforce, refusal } from '../rules';
import { changeCoverage } from './coverage-summaries';
import type { LedgerChange } from './ledger-change';
import { lockParticipant, type LockedParticipant } from './lock-participant';
import { coverageEnded } from './participant-events';
import { participantSubjects } from './participant-subjects';

export interface CoverageEnding {
  kpj: string;
  /** The last covered day. */
  until: string;
  /** The programmes to end; every open one when omitted. */
  programs?: readonly Program[] | null;
  /** The participant's version the client read; null only for the agreement's own rule (an event). */
  expectedVersion: number | null;
}

export interface CoverageEndResult {
  kpj: string;
  until: string;
  programs: Program[];
  version: number;
}

const END_SQL = `
  UPDATE enrollment SET until = $2::date
   WHERE kpj = $1 AND until IS NULL AND program = ANY($3::text[])`;

/** The open enrolments the ending applies to, refusing what cannot end on that day. */
function programsToEnd(participant: LockedParticipant, ending: CoverageEnding): Program[] {
  const open = participant.enrollments.filter((e) => e.until === null);
  const asked = ending.programs ?? open.map((e) => e.program as Program);
  const notOpen = asked.filter((program) => !open.some((e) => e.program === program));
  if (asked.length === 0 || notOpen.length > 0) {
    enforce(
      refusal('NOT_COVERED', `The participant has no open cover in ${notOpen.join(', ') || 'any programme'} to end`, {
        programs: notOpen,
      }),
    );
  }
  const tooEarly = open.filter((e) => asked.includes(e.program as Program) && e.since > ending.until);
  if (tooEarly.length > 0) {
    throw new JembatanError(
      'INVALID_DATE_RANGE',
      `Cover cannot end on ${ending.until}, before it starts (${tooEarly.map((e) => `${e.program} since ${e.since}`).join(', ')})`,
      { field: 'until' },
    );
  }
  return [...new Set(asked)].sort();
}

/**
 * Ends a participant's open cover in some or all programmes on `until` (the last covered day),
 * guarded by the version the client read; appends CoverageEnded and keeps the summaries exact.
 */
export async function endCoverage(
  transaction: TransactionQueries,
  ending: CoverageEnding,
): Promise<LedgerChange<CoverageEndResult>> {
  const participant = await lockParticipant(transaction, ending.kpj, 'UPDATE');
  if (ending.expectedVersion !== null) checkVersion('Participant', participant.version, ending.expectedVersion);
  const programs = programsToEnd(participant, ending);
  await changeCoverage(transaction, [participant.kpj], async () => {
    await transaction.query(END_SQL, [participant.kpj, ending.until, programs]);
    await transaction.query('UPDATE participant SET version = version + 1 WHERE kpj = $1', [participant.kpj]);
    return { result: null, kpjs: [participant.kpj] };
  });
  return {
    result: { kpj: participant.kpj, until: ending.until, programs, version: participant.version + 1 },
    subjects: participantSubjects(participant),
    changes: [{ field: 'Enrollment.until', value: programs.map((program) => [program, ending.until]) }],
    events: [coverageEnded({ nik: participant.nik, kpj: participant.kpj, programs, until: ending.until })],
  };
}
