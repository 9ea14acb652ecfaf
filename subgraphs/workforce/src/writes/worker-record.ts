import { checkVersion, notFound, versionConflict, type TransactionQueries, type UnitScope } from '@jembatan/kit';
import type { WorkerCategory } from '../types';

/** A worker as a write reads and returns it: the Worker type's fields, JSON-safe, so a replay returns it unchanged. */
export interface WorkerRecord {
  nik: string;
  name: string;
  category: WorkerCategory;
  unitCode: string;
  contractStart: string;
  contractEnd: string | null;
  monthlyWage: string;
  version: number;
}

/** The worker and whether HR ended their contract (end_reason set), which closes it to changes. */
export interface LockedWorker {
  record: WorkerRecord;
  ended: boolean;
}

export const WORKER_RECORD_COLUMNS = `nik, name, category, unit_code AS "unitCode",
  contract_start::text AS "contractStart", contract_end::text AS "contractEnd",
  monthly_wage::text AS "monthlyWage", version`;

/**
 * Reads the worker FOR UPDATE, so the change and its events are the only ones for this worker
 * until commit (the outbox numbers a worker's events in that order), refuses a caller who does not
 * administer the worker's unit (FORBIDDEN), and a client that read another version:
 * VERSION_CONFLICT with the current one.
 */
export async function lockWorkerAtVersion(
  transaction: TransactionQueries,
  nik: string,
  expectedVersion: number,
  scope: UnitScope,
): Promise<LockedWorker> {
  const [row] = (await transaction.query(
    `SELECT ${WORKER_RECORD_COLUMNS}, end_reason IS NOT NULL AS ended FROM worker WHERE nik = $1 FOR UPDATE`,
    [nik],
  )) as (WorkerRecord & { ended: boolean })[];
  if (!row) throw notFound('Worker', nik);
  const { ended, ...record } = row;
  scope(record.unitCode);
  checkVersion('Worker', record.version, expectedVersion);
  return { record, ended };
}

/**
 * Writes a change to a locked worker and bumps its version, only if it is still the version the
 * client read (`WHERE version = …`: a second line against a lost update, should a caller ever
 * skip the lock). `columns` are this module's callers' own column names, never input.
 */
export async function saveWorkerChange(
  transaction: TransactionQueries,
  nik: string,
  expectedVersion: number,
  columns: Readonly<Record<string, unknown>>,
): Promise<WorkerRecord> {
  const names = Object.keys(columns);
  const assignments = names.map((name, index) => `${name} = $${index + 3}`).join(', ');
  const result = (await transaction.query(
    `UPDATE worker SET ${assignments}, version = version + 1 WHERE nik = $1 AND version = $2
     RETURNING ${WORKER_RECORD_COLUMNS}`,
    [nik, expectedVersion, ...names.map((name) => columns[name])],
  )) as [WorkerRecord[], number];
  const [updated] = result[0];
  if (!updated) throw versionConflict('Worker', expectedVersion + 1, expectedVersion);
  return updated;
}
