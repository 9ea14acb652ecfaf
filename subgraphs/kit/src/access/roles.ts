/**
 * The vocabulary every agency's policy is written in. Roles say who the caller is; a purpose
 * of access says why they are asking (UU 27/2022 Pasal 16: personal data only for a stated
 * purpose). Each agency decides, in its own subgraph, what a role may read for a purpose.
 */
export const ROLES = ['analyst', 'dki_hr', 'bpjs_officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PURPOSES = [
  'ENROLMENT',
  'CLAIM_VERIFICATION',
  'HR_ADMINISTRATION',
  'STATISTICS',
  'AUDIT',
  'DATA_SUBJECT_REQUEST',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Which purposes a role may declare at all; the gateway refuses any other with 403. */
export const ROLE_PURPOSES: Record<Role, readonly Purpose[]> = {
  analyst: ['STATISTICS'],
  dki_hr: ['HR_ADMINISTRATION', 'ENROLMENT', 'STATISTICS', 'DATA_SUBJECT_REQUEST'],
  bpjs_officer: ['ENROLMENT', 'CLAIM_VERIFICATION', 'STATISTICS', 'DATA_SUBJECT_REQUEST'],
  auditor: ['AUDIT', 'DATA_SUBJECT_REQUEST'],
};

/**
 * Roles that may send ad-hoc queries (the playground) when trusted operations are enforced;
 * everyone else, the HR and claims screens, may send only the published operations.
 */
export const AD_HOC_ROLES: readonly Role[] = ['analyst', 'auditor'];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
export const isPurpose = (value: unknown): value is Purpose => PURPOSES.includes(value as Purpose);

/** True when at least one of the roles may declare the purpose. */
export function mayDeclare(roles: readonly Role[], purpose: Purpose): boolean {
  return roles.some((role) => ROLE_PURPOSES[role].includes(purpose));
}
