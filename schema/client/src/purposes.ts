/**
 * The purposes of access a caller may declare in `X-Purpose` (UU 27/2022: personal data only for a
 * stated purpose). Which role may declare which is the gateway's and each agency's business; a
 * spec keeps this list equal to the kit's.
 */
export const PURPOSES = [
  'ENROLMENT',
  'CLAIM_VERIFICATION',
  'HR_ADMINISTRATION',
  'STATISTICS',
  'AUDIT',
  'DATA_SUBJECT_REQUEST',
] as const;

export type Purpose = (typeof PURPOSES)[number];

export const isPurpose = (value: unknown): value is Purpose => PURPOSES.includes(value as Purpose);

export const PURPOSE_HEADER = 'x-purpose';
