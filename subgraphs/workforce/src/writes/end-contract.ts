import {
  requireExpectedVersion,
  requireNik,
  requireText,
  type TransactionQueries,
  type UnitScope,
  type WriteDone,
} from '@jembatan/kit';
import { contractEnded } from '../events/worker-events';
import { checkDateInRegistryRange, checkWithinContract } from '../rules/contract-dates';
import type { EndContractInput } from '../types';
import { contractIsEnded } from './contract-ended';
import { lockWorkerAtVersion, saveWorkerChange, type WorkerRecord } from './worker-record';

export const END_CONTRACT_FIELDS = ['Worker.contractEnd', 'Worker.endReason'];

/** Ends a contract on its last day, keeps HR's reason at DKI, and tells BPJS the day (ContractEnded). */
export async function endContract(
  transaction: TransactionQueries,
  input: EndContractInput,
  scope: UnitScope,
): Promise<WriteDone<{ worker: WorkerRecord }>> {
  const nik = requireNik(input.nik, 'nik');
  const expectedVersion = requireExpectedVersion(input.expectedVersion);
  const reason = requireText(input.reason.trim(), 'reason', { what: 'a reason', maxLength: 500 });
  const { record, ended } = await lockWorkerAtVersion(transaction, nik, expectedVersion, scope);
  if (ended) throw contractIsEnded('ended again');
  // Within the contract: an end after a planned last day would extend it, which is not an end.
  checkWithinContract('endDate', input.endDate, record);
  checkDateInRegistryRange('endDate', input.endDate);
  const worker = await saveWorkerChange(transaction, nik, expectedVersion, {
    contract_end: input.endDate,
    end_reason: reason,
  });
  return {
    result: { worker },
    subjects: [`nik:${nik}`],
    changes: [
      { field: 'Worker.contractEnd', value: input.endDate },
      { field: 'Worker.endReason', value: reason },
    ],
    events: [contractEnded({ nik, category: worker.category, unitCode: worker.unitCode, contractEnd: input.endDate })],
  };
}
