import type { EventHandler } from '@jembatan/kit';
import { changeCoverage } from '../writes/coverage-summaries';
import { DkiEventPayload } from './dki-event-payloads';
import { participantSubjects } from '../writes/participant-subjects';

const REGISTERED_SQL = `
  SELECT kpj, registrar_unit_code AS registrar FROM participant
   WHERE nik = $1 AND registrar_unit_code IS NOT NULL FOR UPDATE`;

/**
 * A transfer makes the worker's new unit the registrar of their BPU participation (and so of the
 * unit coverage counts). Only a participant DKI registered; already at that unit (the same event
 * again), nothing changes.
 */
export const onWorkerTransferred: EventHandler = async (transaction, event, audit) => {
  const payload = new DkiEventPayload(event);
  const nik = payload.nik();
  const toUnitCode = payload.unitCode('toUnitCode');
  payload.date('effectiveDate');
  const [registered] = (await transaction.query(REGISTERED_SQL, [nik])) as { kpj: string; registrar: string }[];
  if (!registered || registered.registrar === toUnitCode) return;
  await changeCoverage(transaction, [registered.kpj], async () => {
    await transaction.query('UPDATE participant SET registrar_unit_code = $2, version = version + 1 WHERE kpj = $1', [
      registered.kpj,
      toUnitCode,
    ]);
    return { result: null, kpjs: [registered.kpj] };
  });
  await audit.recordChange({
    purpose: 'ENROLMENT',
    subjects: participantSubjects({ nik, kpj: registered.kpj }),
    changes: [{ field: 'Participant.registrarUnitCode', value: toUnitCode }],
  });
};

/**
 * A corrected wage is the new income declared for a BPU's contributions, the one thing of it BPJS
 * keeps. Only a participant DKI registered; the same wage again changes nothing (not even the version).
 */
export const onWageCorrected: EventHandler = async (transaction, event, audit) => {
  const payload = new DkiEventPayload(event);
  const nik = payload.nik();
  const income = payload.rupiah('monthlyWage');
  const changed = (await transaction.query(
    `UPDATE participant SET declared_income = $2, version = version + 1
      WHERE nik = $1 AND registrar_unit_code IS NOT NULL AND declared_income IS DISTINCT FROM $2::numeric
      RETURNING kpj`,
    [nik, income],
  )) as [{ kpj: string }[], number];
  const [updated] = changed[0];
  if (!updated) return;
  await audit.recordChange({
    purpose: 'ENROLMENT',
    subjects: participantSubjects({ nik, kpj: updated.kpj }),
    changes: [{ field: 'Participant.declaredIncome', value: income }],
  });
};
