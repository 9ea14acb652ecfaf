import {
  auditTrailMigrations,
  CreateInbox1766000000040,
  outboxMigrations,
  seedLedgerMigrations,
  writeMigrations,
} from '@jembatan/kit';
import { CreateSocialSecurityLedger1732406400200 } from './1732406400200-CreateSocialSecurityLedger';
import { AddEmployers1732406400300 } from './1732406400300-AddEmployers';
import { AddUnitCoverageChanges1732406400400 } from './1732406400400-AddUnitCoverageChanges';
import { AddClaimTotals1765000000200 } from './1765000000200-AddClaimTotals';
import { AddWriteState1766000000200 } from './1766000000200-AddWriteState';

/** In order of application; a released migration is never edited, only followed by a new one. */
export const bpjsMigrations = [
  ...seedLedgerMigrations,
  ...auditTrailMigrations,
  CreateSocialSecurityLedger1732406400200,
  AddEmployers1732406400300,
  AddUnitCoverageChanges1732406400400,
  AddClaimTotals1765000000200,
  ...outboxMigrations,
  ...writeMigrations,
  AddWriteState1766000000200,
  CreateInbox1766000000040,
];
