/**
 * The vocabulary every agency's policy is written in. Roles say who the caller is; a purpose
 * of access says why they are asking (UU 27/2022 Pasal 16: personal data only for a stated
 * purpose). Each agency decides, in its own subgraph, what a role may read for a purpose.
 */
export const ROLES = ['analyst', 'dki_hr', 'bpjs_officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role is for, in words a person picking one understands. The playground's identity
 * bar shows these (served by the gateway's settings route), so they say what the grants in the
 * agencies' access policies give each role.
 */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  analyst: 'Statistics staff: totals, the unit directory and employers; no one in particular.',
  dki_hr: "Pemprov DKI HR: its workers' contracts and wages, their BPJS enrolment; registers and enrols workers.",
  bpjs_officer: 'BPJS Ketenagakerjaan officers: participants, enrolments and claims; ends cover and decides claims.',
  auditor: "Auditors: the agencies' audit trails of who read whose personal data, and their event inboxes.",
};

export const PURPOSES = [
  'ENROLMENT',
  'CLAIM_VERIFICATION',
  'HR_ADMINISTRATION',
  'STATISTICS',
  'AUDIT',
  'DATA_SUBJECT_REQUEST',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Why a caller asks, in words: what each purpose of access opens, within what the role may read. */
export const PURPOSE_DESCRIPTIONS: Readonly<Record<Purpose, string>> = {
  ENROLMENT: 'Enrolling workers with BPJS: who they are and which programmes cover them.',
  CLAIM_VERIFICATION: 'Checking, paying or rejecting a claim: the participant, their cover and claim amounts.',
  HR_ADMINISTRATION: "Running DKI's contracts: workers, wages, transfers, and whether BPJS covers them.",
  STATISTICS: 'Counting: totals by programme, category and unit; no personal data.',
  AUDIT: 'Reviewing the audit trails: who read whose personal data, and why.',
  DATA_SUBJECT_REQUEST: 'Answering a person asking what is held about them (UU 27/2022): their own records only.',
};

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
