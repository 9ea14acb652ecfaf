import {
  JembatanError,
  notFound,
  requireUnitCode,
  type TransactionQueries,
  type UnitScope,
  type WriteDone,
} from '@jembatan/kit';
import { workerRegistered } from '../events/worker-events';
import type { RegisterWorkerInput } from '../types';
import { checkNewWorker, registrationChanges } from './new-worker';
import { WORKER_RECORD_COLUMNS, type WorkerRecord } from './worker-record';

export { NEW_WORKER_FIELDS as REGISTER_WORKER_FIELDS } from './new-worker';

/** Adds a worker to the registry, at version 1, and tells BPJS (WorkerRegistered). */
export async function registerWorker(
  transaction: TransactionQueries,
  input: RegisterWorkerInput,
  scope: UnitScope,
): Promise<WriteDone<{ worker: WorkerRecord }>> {
  const worker = checkNewWorker(input, requireUnitCode(input.unitCode, 'unitCode'));
  scope(worker.unitCode);
  const units = (await transaction.query('SELECT 1 FROM unit WHERE code = $1', [worker.unitCode])) as unknown[];
  if (units.length === 0) throw notFound('Unit', worker.unitCode);

  // DO NOTHING rather than an error: a failed statement would abort the whole transaction. A
  // concurrent registration of the same NIK makes this wait for it, then insert nothing.
  const [record] = (await transaction.query(
    `INSERT INTO worker (nik, name, category, unit_code, contract_start, contract_end, monthly_wage)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (nik) DO NOTHING
     RETURNING ${WORKER_RECORD_COLUMNS}`,
    [
      worker.nik,
      worker.name,
      worker.category,
      worker.unitCode,
      worker.contractStart,
      worker.contractEnd,
      worker.monthlyWage,
    ],
  )) as WorkerRecord[];
  if (!record) {
    throw new JembatanError(
      'WORKER_ALREADY_REGISTERED',
      'A worker with this NIK is already registered: change their record instead',
      { field: 'nik' },
    );
  }
  return {
    result: { worker: record },
    subjects: [`nik:${worker.nik}`],
    changes: registrationChanges(worker),
    events: [workerRegistered(worker)],
  };
}
