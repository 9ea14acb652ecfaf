import { auditTrailMigrations, seedLedgerMigrations } from '@jembatan/kit';
import { CreateWorkforceRegistry1732406400100 } from './1732406400100-CreateWorkforceRegistry';
import { AddUnitWorkerCounts1765000000100 } from './1765000000100-AddUnitWorkerCounts';
import { AddBpjsCoverMirror1766000000190 } from './1766000000190-AddBpjsCoverMirror';

/** In order of application; a released migration is never edited, only followed by a new one. */
export const workforceMigrations = [
  ...seedLedgerMigrations,
  ...auditTrailMigrations,
  CreateWorkforceRegistry1732406400100,
  AddUnitWorkerCounts1765000000100,
  AddBpjsCoverMirror1766000000190,
];
