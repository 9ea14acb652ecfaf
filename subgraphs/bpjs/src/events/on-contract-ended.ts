import { appendToOutbox, type EventHandler, type TransactionQueries } from '@jembatan/kit';
import type { Program } from '../types/enums';
import { changeCoverage } from '../writes/coverage-summaries';
import { coverageEnded } from '../writes/participant-events';
import { DkiEventPayload } from './dki-event-payloads';
import { participantSubjects } from '../writes/participant-subjects';

interface RegisteredCover {
  kpj: string;
  program: Program;
  since: string;
}

// The open cover of the person DKI registered (a participant registered otherwise keeps theirs),
// locked with the participant.
const OPEN_COVER_SQL = `
  SELECT p.kpj, e.program, e.since::text AS since
    FROM participant p JOIN enrollment e ON e.kpj = p.kpj AND e.until IS NULL
   WHERE p.nik = $1 AND p.registrar_unit_code IS NOT NULL
   ORDER BY e.program
     FOR UPDATE OF p, e`;

/**
 * An ended contract ends the BPU cover DKI registered, on the contract's last day: programmes
 * running then end that day; cover that would only have started later (JHT from 2017 for a
 * contract that ended in 2016) is withdrawn. One CoverageEnded tells DKI (programmes ended or
 * withdrawn, and which were withdrawn). Twice the same event:
 * nothing is open any more, and nothing changes.
 */
export const onContractEnded: EventHandler = async (transaction, event, audit) => {
  const payload = new DkiEventPayload(event);
  const nik = payload.nik();
  const until = payload.date('contractEnd');
  const open = (await transaction.query(OPEN_COVER_SQL, [nik])) as RegisteredCover[];
  if (open.length === 0) return;
  const kpj = open[0]!.kpj;
  const ending = open.filter((cover) => cover.since <= until).map((cover) => cover.program);
  const withdrawn = open.filter((cover) => cover.since > until);
  await endRegisteredCover(transaction, kpj, until, ending, withdrawn);
  // Withdrawn programmes are listed as ended too: a copy that closes each listed programme on
  // `until` then shows no cover after the contract, whether it ran or never started.
  const programs = [...ending, ...withdrawn.map((cover) => cover.program)].sort();
  const withdrawnCover = withdrawn.map(({ program, since }) => ({ program, since }));
  await appendToOutbox(transaction, 'bpjs', [
    coverageEnded({ nik, kpj, programs, until, ...(withdrawn.length ? { withdrawn: withdrawnCover } : {}) }),
  ]);
  await audit.recordChange({
    purpose: 'ENROLMENT',
    subjects: participantSubjects({ nik, kpj }),
    changes: [{ field: 'Participant.enrollments', value: { kpj, until, ended: ending, withdrawn: withdrawnCover } }],
  });
};

async function endRegisteredCover(
  transaction: TransactionQueries,
  kpj: string,
  until: string,
  ending: readonly Program[],
  withdrawn: readonly RegisteredCover[],
) {
  await changeCoverage(transaction, [kpj], async () => {
    await transaction.query(
      `UPDATE enrollment SET until = $2::date WHERE kpj = $1 AND until IS NULL AND program = ANY($3::text[])`,
      [kpj, until, ending],
    );
    await transaction.query(`DELETE FROM enrollment WHERE kpj = $1 AND until IS NULL AND since > $2::date`, [
      kpj,
      until,
    ]);
    await transaction.query('UPDATE participant SET version = version + 1 WHERE kpj = $1', [kpj]);
    return { result: withdrawn, kpjs: [kpj] };
  });
}
