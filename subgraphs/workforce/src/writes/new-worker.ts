import { JembatanError, requireNik, requireText, type FieldChange } from '@jembatan/kit';
import { checkDateInRegistryRange } from '../rules/contract-dates';
import { checkMonthlyWage } from '../rules/minimum-wage';
import type { WorkerRegisteredPayload } from '../events/worker-events';
import type { WorkerToRegisterInput } from '../types';

/**
 * A worker to register, checked against the registry's rules: the registry's new row, and all of
 * it is what BPJS is told (WorkerRegistered says why each field may be shared).
 */
export type NewWorker = WorkerRegisteredPayload;

export const NEW_WORKER_FIELDS = [
  'Worker.nik',
  'Worker.name',
  'Worker.category',
  'Worker.unit',
  'Worker.contractStart',
  'Worker.contractEnd',
  'Worker.monthlyWage',
];

/**
 * The registry's rules for a new worker, in order; the first that says no throws its
 * JembatanError: a valid NIK, a name, a contract start in the registry's range and an end not
 * before it, a PKP or PPSU wage not below the UMP of the start year. The unit is checked by the caller.
 */
export function checkNewWorker(input: WorkerToRegisterInput, unitCode: string): NewWorker {
  const nik = requireNik(input.nik, 'nik');
  const name = requireText(input.name.trim(), 'name', { what: 'a name', maxLength: 200 });
  const contractEnd = input.contractEnd ?? null;
  checkDateInRegistryRange('contractStart', input.contractStart);
  if (contractEnd !== null && contractEnd < input.contractStart) {
    throw new JembatanError('INVALID_DATE_RANGE', `contractEnd ${contractEnd} is before contractStart`, {
      field: 'contractEnd',
    });
  }
  checkMonthlyWage(input.category, input.contractStart, input.monthlyWage);
  const { category, contractStart, monthlyWage } = input;
  return { nik, name, category, unitCode, contractStart, contractEnd, monthlyWage };
}

/** What the audit trail keeps of one registration: each field's value, as a keyed digest. */
export const registrationChanges = (worker: NewWorker): FieldChange[] => [
  { field: 'Worker.nik', value: worker.nik },
  { field: 'Worker.name', value: worker.name },
  { field: 'Worker.category', value: worker.category },
  { field: 'Worker.unit', value: worker.unitCode },
  { field: 'Worker.contractStart', value: worker.contractStart },
  { field: 'Worker.contractEnd', value: worker.contractEnd },
  { field: 'Worker.monthlyWage', value: worker.monthlyWage },
];
