import {
  JembatanError,
  notFound,
  requireBatchSize,
  requireUnitCode,
  type FieldChange,
  type TransactionQueries,
  type UnitScope,
  type WriteDone,
} from '@jembatan/kit';
import { workerRegistered } from '../events/worker-events';
import type { RegistrationStatus, WorkerToRegisterInput } from '../types';
import { checkNewWorker, NEW_WORKER_FIELDS, registrationChanges, type NewWorker } from './new-worker';

/** The most workers one call registers: one transaction of a handful of statements, whatever the count. */
export const MAX_WORKERS_PER_REGISTRATION = 1_000;

export interface WorkerRegistration {
  index: number;
  nik: string;
  status: `${RegistrationStatus}`;
  code: string | null;
  reason: string | null;
}

/** What registerWorkers answers, JSON-safe, as the idempotency record stores it. */
export interface RegistrationList {
  unitCode: string;
  registered: number;
  alreadyRegistered: number;
  refused: number;
  outcomes: WorkerRegistration[];
}

export interface RegistrationRequest {
  unitCode: string;
  workers: readonly WorkerToRegisterInput[];
}

// A NIK registered before, or by a concurrent call (which this waits for), is skipped, not an error.
const INSERT_WORKERS_SQL = `
  INSERT INTO worker (nik, name, category, unit_code, contract_start, contract_end, monthly_wage)
  SELECT nik, name, category, $7, contract_start, contract_end, monthly_wage
    FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::numeric[])
      AS w (nik, name, category, contract_start, contract_end, monthly_wage)
  ON CONFLICT (nik) DO NOTHING
  RETURNING nik`;

/** Each worker checked on their own: the new worker, or the refusal that is their outcome. */
function screenWorkers(request: RegistrationRequest, unitCode: string) {
  const seen = new Set<string>();
  const outcomes: WorkerRegistration[] = [];
  const accepted: { index: number; worker: NewWorker }[] = [];
  request.workers.forEach((input, index) => {
    const refuse = (code: string, reason: string) =>
      outcomes.push({ index, nik: input.nik, status: 'REFUSED', code, reason });
    try {
      const worker = checkNewWorker(input, unitCode);
      if (seen.has(worker.nik)) return refuse('BAD_USER_INPUT', 'The same NIK appears earlier in this list');
      seen.add(worker.nik);
      accepted.push({ index, worker });
      outcomes.push({ index, nik: worker.nik, status: 'REGISTERED', code: null, reason: null });
    } catch (error) {
      if (!(error instanceof JembatanError)) throw error;
      refuse(String(error.extensions.code), error.message);
    }
  });
  return { outcomes, accepted };
}

/** The audit trail's view of a list: each field once, its value per registered NIK, as a keyed digest. */
function listChanges(workers: readonly NewWorker[]): FieldChange[] {
  const perWorker = workers.map(registrationChanges);
  return NEW_WORKER_FIELDS.map((field, position) => ({
    field,
    value: perWorker.map((changes, index) => [workers[index]!.nik, changes[position]!.value]),
  }));
}

/**
 * Registers a unit's list of new workers in one transaction, the way its HR screen submits a
 * month's hires: each worker REGISTERED (at version 1, and BPJS is told by a WorkerRegistered
 * event each), ALREADY_REGISTERED (nothing written), or REFUSED by a rule of registerWorker
 * (code and reason; nothing written for them). One audit record for the list; the unit must exist.
 */
export async function registerWorkers(
  transaction: TransactionQueries,
  request: RegistrationRequest,
  scope: UnitScope,
): Promise<WriteDone<RegistrationList>> {
  requireBatchSize(request.workers, MAX_WORKERS_PER_REGISTRATION, 'workers', 'workers to register');
  const unitCode = requireUnitCode(request.unitCode, 'unitCode');
  scope(unitCode);
  const units = (await transaction.query('SELECT 1 FROM unit WHERE code = $1', [unitCode])) as unknown[];
  if (units.length === 0) throw notFound('Unit', unitCode);

  const { outcomes, accepted } = screenWorkers(request, unitCode);
  const workers = accepted.map((entry) => entry.worker);
  const inserted = workers.length
    ? ((await transaction.query(INSERT_WORKERS_SQL, [
        workers.map((w) => w.nik),
        workers.map((w) => w.name),
        workers.map((w) => w.category),
        workers.map((w) => w.contractStart),
        workers.map((w) => w.contractEnd),
        workers.map((w) => w.monthlyWage),
        unitCode,
      ])) as { nik: string }[])
    : [];
  const insertedNiks = new Set(inserted.map((row) => row.nik));
  for (const { index, worker } of accepted) {
    if (!insertedNiks.has(worker.nik)) Object.assign(outcomes[index]!, { status: 'ALREADY_REGISTERED' });
  }
  const registered = workers.filter((worker) => insertedNiks.has(worker.nik));
  const count = (status: WorkerRegistration['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    result: {
      unitCode,
      registered: registered.length,
      alreadyRegistered: count('ALREADY_REGISTERED'),
      refused: count('REFUSED'),
      outcomes,
    },
    subjects: registered.map((worker) => `nik:${worker.nik}`),
    changes: registered.length ? listChanges(registered) : [],
    events: registered.map(workerRegistered),
  };
}
