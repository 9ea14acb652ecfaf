import { describe, expect, it } from 'vitest';
import { closestPurpose, purposeNotAllowedMessage, unknownPurposeMessage } from '../purpose-guidance';

describe('a purpose the caller got wrong', () => {
  it.each([
    ['hr_administration', 'HR_ADMINISTRATION'],
    ['hr-administration', 'HR_ADMINISTRATION'],
    ['HR', 'HR_ADMINISTRATION'],
    ['ENROLLMENT', 'ENROLMENT'],
    ['enrolment ', 'ENROLMENT'],
    ['statistic', 'STATISTICS'],
    ['CLAIM', 'CLAIM_VERIFICATION'],
    ['DATA', 'DATA_SUBJECT_REQUEST'],
  ])('reads %j as %s', (value, meant) => {
    expect(closestPurpose(value)).toBe(meant);
  });

  it.each(['CURIOSITY', '', 'X', 'PURPOSE', 'AUDITOR_REVIEW'])('suggests nothing for %j', (value) => {
    expect(closestPurpose(value)).toBeNull();
  });

  it('lists the six purposes, with the likely one first', () => {
    expect(unknownPurposeMessage('ENROLLMENT', 'X-Purpose')).toBe(
      'X-Purpose "ENROLLMENT" is not a purpose of access. Did you mean ENROLMENT? Declare one of: ENROLMENT, CLAIM_VERIFICATION, HR_ADMINISTRATION, STATISTICS, AUDIT, DATA_SUBJECT_REQUEST.',
    );
    expect(unknownPurposeMessage('CURIOSITY', 'purpose')).toBe(
      'purpose "CURIOSITY" is not a purpose of access. Declare one of: ENROLMENT, CLAIM_VERIFICATION, HR_ADMINISTRATION, STATISTICS, AUDIT, DATA_SUBJECT_REQUEST.',
    );
  });

  it('says which purposes the roles may declare instead', () => {
    expect(purposeNotAllowedMessage(['analyst'], 'HR_ADMINISTRATION')).toBe(
      'None of your roles (analyst) may declare HR_ADMINISTRATION; they may declare STATISTICS.',
    );
    expect(purposeNotAllowedMessage(['analyst', 'auditor'], 'ENROLMENT')).toBe(
      'None of your roles (analyst, auditor) may declare ENROLMENT; they may declare STATISTICS, AUDIT, DATA_SUBJECT_REQUEST.',
    );
  });
});
