/**
 * The audit trail's part of every agency's access policy, so each agency grants it the same way:
 * an auditor reviews callers (AUDIT) and answers data subjects (DATA_SUBJECT_REQUEST); reading
 * the trail reads personal data too, so it is itself recorded.
 */
export const AUDIT_TRAIL_GROUPS = {
  accessLogBySubject: ['Query.accessLog'],
  accessLogByCaller: ['Query.accessLogOfCaller'],
  auditRecords: ['AccessLog.*', 'AccessRecord.*'],
} as const;

export const AUDIT_TRAIL_PERSONAL = ['auditRecords'] as const;

export const AUDITOR_TRAIL_GRANTS = {
  AUDIT: ['accessLogBySubject', 'accessLogByCaller', 'auditRecords'],
  DATA_SUBJECT_REQUEST: ['accessLogBySubject', 'auditRecords'],
} as const;

export const AUDIT_TRAIL_SUBJECTS = {
  AccessLog: (log: { id: string }) => (log.id.startsWith('nik:') ? [log.id] : []),
  AccessRecord: (record: { subjects: readonly string[] }) => record.subjects,
};

/** Reading a person's trail by NIK looks that person up: recorded, and their own only under DATA_SUBJECT_REQUEST. */
export const AUDIT_TRAIL_LOOKUPS = {
  'Query.accessLog': { nik: 'nik' },
} as const;
