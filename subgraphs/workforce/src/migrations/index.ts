import { auditTrailMigrations, CreateInbox1766000000040, seedLedgerMigrations } from '@jembatan/kit';
import { CreateWorkforceRegistry1732406400100 } from './1732406400100-CreateWorkforceRegistry';
import { AddUnitWorkerCounts1765000000100 } from './1765000000100-AddUnitWorkerCounts';

/** In order of application; a released migration is never edited, only followed by a new one. */
export const workforceMigrations = [
  ...seedLedgerMigrations,
  ...auditTrailMigrations,
  CreateWorkforceRegistry1732406400100,
  AddUnitWorkerCounts1765000000100,
  CreateInbox1766000000040,
];
