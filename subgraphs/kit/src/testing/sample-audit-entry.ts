import type { AuditEntry } from '../audit/audit-entry';

/** An HR officer's read of one worker's wage, as the audit trail records it; tests vary what they need. */
export const sampleAuditEntry = (requestId: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  callerSubject: 'siti.rahma@jakarta.go.id',
  callerAgency: 'pemprov-dki',
  callerRoles: ['dki_hr'],
  purpose: 'HR_ADMINISTRATION',
  operationName: 'PayrollCheck',
  requestId,
  subjects: ['nik:3174015203850001'],
  fields: ['Worker.monthlyWage'],
  dataSubject: null,
  ...overrides,
});
