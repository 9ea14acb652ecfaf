import {
  JembatanError,
  notFound,
  requireNik,
  requireText,
  requireUnitCode,
  type TransactionQueries,
  type WriteDone,
} from '@jembatan/kit';
import { workerRegistered } from '../events/worker-events';
import { checkDateInRegistryRange } from '../rules/contract-dates';
import { checkMonthlyWage } from '../rules/minimum-wage';
import type { RegisterWorkerInput } from '../types';
import { WORKER_RECORD_COLUMNS, type WorkerRecord } from './worker-record';

export const REGISTER_WORKER_FIELDS = [
  'Worker.nik',
  'Worker.name',
  'Worker.category',
  'Worker.unit',
  'Worker.contractStart',
  'Worker.contractEnd',
  'Worker.monthlyWage',
];

/** Adds a worker to the registry, at version 1, and tells BPJS (WorkerRegistered). */
export async function registerWorker(
  transaction: TransactionQueries,
  input: RegisterWorkerInput,
): Promise<WriteDone<{ worker: WorkerRecord }>> {
  const nik = requireNik(input.nik, 'nik');
  const name = requireText(input.name.trim(), 'name', { what: 'a name', maxLength: 200 });
  const unitCode = requireUnitCode(input.unitCode, 'unitCode');
  const contractEnd = input.contractEnd ?? null;
  checkDateInRegistryRange('contractStart', input.contractStart);
  if (contractEnd !== null && contractEnd < input.contractStart) {
    throw new JembatanError('INVALID_DATE_RANGE', `contractEnd ${contractEnd} is before contractStart`, {
      field: 'contractEnd',
    });
  }
  checkMonthlyWage(input.category, input.contractStart, input.monthlyWage);
  const units = (await transaction.query('SELECT 1 FROM unit WHERE code = $1', [unitCode])) as unknown[];
  if (units.length === 0) throw notFound('Unit', unitCode);

  // DO NOTHING rather than an error: a failed statement would abort the whole transaction. A
  // concurrent registration of the same NIK makes this wait for it, then insert nothing.
  const [worker] = (await transaction.query(
    `INSERT INTO worker (nik, name, category, unit_code, contract_start, contract_end, monthly_wage)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (nik) DO NOTHING
     RETURNING ${WORKER_RECORD_COLUMNS}`,
    [nik, name, input.category, unitCode, input.contractStart, contractEnd, input.monthlyWage],
  )) as WorkerRecord[];
  if (!worker) {
    throw new JembatanError(
      'WORKER_ALREADY_REGISTERED',
      'A worker with this NIK is already registered: change their record instead',
      { field: 'nik' },
    );
  }
  return {
    result: { worker },
    subjects: [`nik:${nik}`],
    changes: [
      { field: 'Worker.nik', value: nik },
      { field: 'Worker.name', value: name },
      { field: 'Worker.category', value: input.category },
      { field: 'Worker.unit', value: unitCode },
      { field: 'Worker.contractStart', value: input.contractStart },
      { field: 'Worker.contractEnd', value: contractEnd },
      { field: 'Worker.monthlyWage', value: input.monthlyWage },
    ],
    events: [
      workerRegistered({
        nik,
        name,
        category: input.category,
        unitCode,
        contractStart: input.contractStart,
        contractEnd,
        monthlyWage: input.monthlyWage,
      }),
    ],
  };
}
