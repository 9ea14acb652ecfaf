import {
  JembatanError,
  notFound,
  requireExpectedVersion,
  requireNik,
  requireUnitCode,
  type TransactionQueries,
  type UnitScope,
  type WriteDone,
} from '@jembatan/kit';
import { workerTransferred } from '../events/worker-events';
import { checkDateInRegistryRange, checkWithinContract } from '../rules/contract-dates';
import type { TransferWorkerInput } from '../types';
import { contractIsEnded } from './contract-ended';
import { lockWorkerAtVersion, saveWorkerChange, type WorkerRecord } from './worker-record';

export const TRANSFER_WORKER_FIELDS = ['Worker.unit'];

/** Moves a worker to another unit from a date within their contract, and tells BPJS (WorkerTransferred). */
export async function transferWorker(
  transaction: TransactionQueries,
  input: TransferWorkerInput,
  scope: UnitScope,
): Promise<WriteDone<{ worker: WorkerRecord; fromUnitCode: string }>> {
  const nik = requireNik(input.nik, 'nik');
  const expectedVersion = requireExpectedVersion(input.expectedVersion);
  const toUnitCode = requireUnitCode(input.toUnitCode, 'toUnitCode');
  const { record, ended } = await lockWorkerAtVersion(transaction, nik, expectedVersion, scope);
  if (ended) throw contractIsEnded('transferred');
  if (record.unitCode === toUnitCode) {
    throw new JembatanError('BAD_USER_INPUT', `The worker already works in unit ${toUnitCode}`, {
      argument: 'toUnitCode',
    });
  }
  checkWithinContract('effectiveDate', input.effectiveDate, record);
  checkDateInRegistryRange('effectiveDate', input.effectiveDate);
  const units = (await transaction.query('SELECT 1 FROM unit WHERE code = $1', [toUnitCode])) as unknown[];
  if (units.length === 0) throw notFound('Unit', toUnitCode);
  const worker = await saveWorkerChange(transaction, nik, expectedVersion, { unit_code: toUnitCode });
  return {
    result: { worker, fromUnitCode: record.unitCode },
    subjects: [`nik:${nik}`],
    changes: [{ field: 'Worker.unit', value: toUnitCode }],
    events: [
      workerTransferred({
        nik,
        category: worker.category,
        fromUnitCode: record.unitCode,
        toUnitCode,
        effectiveDate: input.effectiveDate,
      }),
    ],
  };
}
