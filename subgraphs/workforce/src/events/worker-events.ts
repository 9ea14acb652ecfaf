import type { OutboxEventDraft } from '@jembatan/kit';
import type { WorkerCategory } from '../types';

/**
 * The events Pemprov DKI's registry publishes (source `workforce`), consumed by BPJS
 * Ketenagakerjaan under the 2016 agreement. Each carries only what BPJS's rules need, and each
 * field says why it may be shared. (Types, not interfaces: a payload is a plain JSON record.) All of one worker's events share the ordering key `nik:<NIK>`,
 * so BPJS applies them in the order they happened.
 */

/**
 * A worker joined the registry. BPJS enrols a PKP as BPU: it needs who (NIK, the person's key at
 * BPJS; name, printed on the KPJ card), which regime (category decides whether the agreement
 * applies), the registering unit (the registrar of the enrolment), the contract dates (cover runs
 * from the start, JKK/JKM not before 2016-03-01, JHT from 2017-01-01, and ends with a fixed
 * term's last day), and the monthly wage: a BPU's contributions are a share of declared income
 * (JKK 1% of its band, JHT 2%: domain.md §2.3), and the wage is what DKI declares for them.
 */
export type WorkerRegisteredPayload = {
  nik: string;
  name: string;
  category: WorkerCategory;
  unitCode: string;
  contractStart: string;
  contractEnd: string | null;
  monthlyWage: string;
};

/**
 * A contract ended: BPJS ends the BPU cover DKI registered, on the last day. The reason HR gave
 * stays at DKI: no BPJS rule depends on it, and why someone left is nobody else's business.
 */
export type ContractEndedPayload = {
  nik: string;
  category: WorkerCategory;
  unitCode: string;
  contractEnd: string;
};

/** A worker moved: BPJS changes the registrar unit of their enrolment from the effective date. */
export type WorkerTransferredPayload = {
  nik: string;
  category: WorkerCategory;
  fromUnitCode: string;
  toUnitCode: string;
  effectiveDate: string;
};

/** A wage was corrected: the declared income BPU contributions are computed on changed (see WorkerRegistered). */
export type WageCorrectedPayload = {
  nik: string;
  category: WorkerCategory;
  monthlyWage: string;
};

const ofWorker = (nik: string) => `nik:${nik}`;

export const workerRegistered = (payload: WorkerRegisteredPayload): OutboxEventDraft => ({
  type: 'WorkerRegistered',
  orderingKey: ofWorker(payload.nik),
  payload,
});

export const contractEnded = (payload: ContractEndedPayload): OutboxEventDraft => ({
  type: 'ContractEnded',
  orderingKey: ofWorker(payload.nik),
  payload,
});

export const workerTransferred = (payload: WorkerTransferredPayload): OutboxEventDraft => ({
  type: 'WorkerTransferred',
  orderingKey: ofWorker(payload.nik),
  payload,
});

export const wageCorrected = (payload: WageCorrectedPayload): OutboxEventDraft => ({
  type: 'WageCorrected',
  orderingKey: ofWorker(payload.nik),
  payload,
});
