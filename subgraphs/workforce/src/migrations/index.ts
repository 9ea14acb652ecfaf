import {
  auditTrailMigrations,
  CreateInbox1766000000040,
  outboxMigrations,
  seedLedgerMigrations,
  writeMigrations,
} from '@jembatan/kit';
import { CreateWorkforceRegistry1732406400100 } from './1732406400100-CreateWorkforceRegistry';
import { AddUnitWorkerCounts1765000000100 } from './1765000000100-AddUnitWorkerCounts';
import { AddWorkerVersion1766000000100 } from './1766000000100-AddWorkerVersion';
import { AddBpjsCoverMirror1766000000190 } from './1766000000190-AddBpjsCoverMirror';

/** In order of application; a released migration is never edited, only followed by a new one. */
export const workforceMigrations = [
  ...seedLedgerMigrations,
  ...auditTrailMigrations,
  ...outboxMigrations,
  ...writeMigrations,
  CreateWorkforceRegistry1732406400100,
  AddUnitWorkerCounts1765000000100,
  AddWorkerVersion1766000000100,
  AddBpjsCoverMirror1766000000190,
  CreateInbox1766000000040,
];
