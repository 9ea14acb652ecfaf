import {
  JembatanError,
  requireExpectedVersion,
  requireNik,
  type TransactionQueries,
  type UnitScope,
  type WriteDone,
} from '@jembatan/kit';
import { wageCorrected } from '../events/worker-events';
import { checkMonthlyWage } from '../rules/minimum-wage';
import type { CorrectWageInput } from '../types';
import { lockWorkerAtVersion, saveWorkerChange, type WorkerRecord } from './worker-record';

export const CORRECT_WAGE_FIELDS = ['Worker.monthlyWage'];

/**
 * Corrects a recorded wage, under the UMP floor of the contract's start year, and tells BPJS
 * (WageCorrected). Allowed on an ended contract too: a correction fixes the record, it does not
 * change the employment.
 */
export async function correctWage(
  transaction: TransactionQueries,
  input: CorrectWageInput,
  scope: UnitScope,
): Promise<WriteDone<{ worker: WorkerRecord }>> {
  const nik = requireNik(input.nik, 'nik');
  const expectedVersion = requireExpectedVersion(input.expectedVersion);
  const { record } = await lockWorkerAtVersion(transaction, nik, expectedVersion, scope);
  checkMonthlyWage(record.category, record.contractStart, input.monthlyWage);
  if (record.monthlyWage === input.monthlyWage) {
    throw new JembatanError('BAD_USER_INPUT', 'The worker is already recorded at this wage: nothing to correct', {
      argument: 'monthlyWage',
    });
  }
  const worker = await saveWorkerChange(transaction, nik, expectedVersion, { monthly_wage: input.monthlyWage });
  return {
    result: { worker },
    subjects: [`nik:${nik}`],
    changes: [{ field: 'Worker.monthlyWage', value: input.monthlyWage }],
    events: [wageCorrected({ nik, category: worker.category, monthlyWage: input.monthlyWage })],
  };
}
