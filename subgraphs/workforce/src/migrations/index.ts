import { auditTrailMigrations, CreateOutbox1766000000010, seedLedgerMigrations, writeMigrations } from '@jembatan/kit';
import { CreateWorkforceRegistry1732406400100 } from './1732406400100-CreateWorkforceRegistry';
import { AddUnitWorkerCounts1765000000100 } from './1765000000100-AddUnitWorkerCounts';
import { AddWorkerVersion1766000000100 } from './1766000000100-AddWorkerVersion';

/** In order of application; a released migration is never edited, only followed by a new one. */
export const workforceMigrations = [
  ...seedLedgerMigrations,
  ...auditTrailMigrations,
  CreateOutbox1766000000010,
  ...writeMigrations,
  CreateWorkforceRegistry1732406400100,
  AddUnitWorkerCounts1765000000100,
  AddWorkerVersion1766000000100,
];
