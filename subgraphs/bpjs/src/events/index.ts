import type { EventHandlers } from '@jembatan/kit';
import { onContractEnded } from './on-contract-ended';
import { onWageCorrected, onWorkerTransferred } from './on-worker-changed';
import { onWorkerRegistered } from './on-worker-registered';

/** What BPJS Ketenagakerjaan does with Pemprov DKI's events: the March 2016 agreement's rules. */
export const bpjsEventHandlers: EventHandlers = {
  workforce: {
    WorkerRegistered: onWorkerRegistered,
    ContractEnded: onContractEnded,
    WorkerTransferred: onWorkerTransferred,
    WageCorrected: onWageCorrected,
  },
};
