import {
  AUDIT_TRAIL_GROUPS,
  AUDIT_TRAIL_LOOKUPS,
  AUDIT_TRAIL_PERSONAL,
  AUDIT_TRAIL_SUBJECTS,
  AUDITOR_INBOX_GRANTS,
  AUDITOR_TRAIL_GRANTS,
  defineAccessPolicy,
  EVENT_INBOX_GROUPS,
} from '@jembatan/kit';
import { maskNik } from '@jembatan/kit/identifiers';
import { identifiersOfNik } from './identifiers-of-nik';

const PERSONAL_FOR_ENROLMENT = [
  'participantLookup',
  'workerLink',
  'participantKey',
  'participantNik',
  'participantProfile',
  'enrolments',
] as const;

/**
 * Who may read BPJS Ketenagakerjaan's participation ledger, and for what (UU 27/2022: least
 * privilege, purpose limitation). Deny by default: a field in no group, or a group in no grant,
 * is unreadable. The access table of docs/security.md is this file, in prose.
 */
export const bpjsAccessPolicy = defineAccessPolicy({
  agency: 'BPJS Ketenagakerjaan',
  groups: {
    ...AUDIT_TRAIL_GROUPS,
    ...EVENT_INBOX_GROUPS,
    /** Totals computed in the database: nobody in particular. */
    aggregates: [
      'Query.claimStatistics',
      'ClaimStatistics.*',
      'ProgramClaims.*',
      'Query.participationStatistics',
      'ParticipationStatistics.*',
      'SegmentParticipation.*',
      'Unit.code',
      'Unit.bpjsCoverage',
      'UnitCoverage.*',
      'ProgramCoverage.*',
      'ClaimTotals.*',
    ],
    /** Registered employers: organisations, not persons. */
    employers: ['Query.employer', 'Employer.*'],
    /** The ways to a participant: by KPJ or NIK, or from Pemprov DKI's worker. */
    participantLookup: ['Query.participant', 'Worker.bpjs'],
    /** The worker's NIK as BPJS receives it from Pemprov DKI to join on. */
    workerLink: ['Worker.nik'],
    participantKey: ['Participant.kpj'],
    participantNik: ['Participant.nik'],
    participantProfile: [
      'Participant.name',
      'Participant.segment',
      'Participant.registeredOn',
      'Participant.employer',
      'Participant.version',
    ],
    enrolments: ['Participant.enrollments', 'Enrollment.*'],
    claimLookup: ['Query.claim'],
    /** That a claim was filed, when, where and how it stands; JKK claims are health data. */
    claims: [
      'Participant.claims',
      'Claim.id',
      'Claim.program',
      'Claim.filedOn',
      'Claim.status',
      'Claim.regionCode',
      'Claim.participant',
      'Claim.incidentDate',
      'Claim.decidedOn',
      'Claim.version',
    ],
    /** Personal financial data (UU 27/2022 Pasal 4(2)); why a claim was refused can be health data. */
    claimAmounts: ['Claim.amount', 'Claim.rejectionReason'],
    /** What a bulk enrolment or an end of cover answers its caller: the people it was about. */
    enrolmentResults: ['EnrolParticipantsResult.*', 'EnrolmentOutcome.*', 'CoverageEnd.*'],
    /** What a claim filing or decision answers: the claim, whose fields are classified above. */
    claimResults: ['ClaimChange.*'],
  },
  personal: [
    ...AUDIT_TRAIL_PERSONAL,
    'workerLink',
    'participantKey',
    'participantNik',
    'participantProfile',
    'enrolments',
    'claims',
    'claimAmounts',
    'enrolmentResults',
  ],
  grants: {
    analyst: { always: ['aggregates', 'employers'] },
    dki_hr: {
      always: ['aggregates', 'employers'],
      HR_ADMINISTRATION: [...PERSONAL_FOR_ENROLMENT.filter((g) => g !== 'participantNik'), 'participantNik (masked)'],
      ENROLMENT: [
        ...PERSONAL_FOR_ENROLMENT.filter((g) => g !== 'participantNik'),
        'participantNik (masked)',
        'enrolmentResults',
      ],
      DATA_SUBJECT_REQUEST: [
        ...PERSONAL_FOR_ENROLMENT.filter((g) => g !== 'participantNik'),
        'participantNik (masked)',
      ],
    },
    bpjs_officer: {
      always: ['aggregates', 'employers'],
      ENROLMENT: [...PERSONAL_FOR_ENROLMENT, 'claimLookup', 'claims', 'enrolmentResults'],
      CLAIM_VERIFICATION: [...PERSONAL_FOR_ENROLMENT, 'claimLookup', 'claims', 'claimAmounts', 'claimResults'],
      DATA_SUBJECT_REQUEST: [...PERSONAL_FOR_ENROLMENT, 'claimLookup', 'claims', 'claimAmounts'],
    },
    auditor: {
      always: ['aggregates', 'employers'],
      ...AUDITOR_TRAIL_GRANTS,
      AUDIT: [...AUDITOR_TRAIL_GRANTS.AUDIT, ...AUDITOR_INBOX_GRANTS],
    },
  },
  masks: { 'Participant.nik': maskNik },
  subjectsOf: {
    ...AUDIT_TRAIL_SUBJECTS,
    Worker: (worker: { nik: string }) => [`nik:${worker.nik}`],
    Participant: (participant: { kpj: string; nik: string }) => [`kpj:${participant.kpj}`, `nik:${participant.nik}`],
    Enrollment: (enrollment: { kpj: string }) => [`kpj:${enrollment.kpj}`],
    Claim: (claim: { kpj: string }) => [`kpj:${claim.kpj}`],
    // A refused person's NIK may be malformed: only a KPJ BPJS issued names them.
    EnrolParticipantsResult: () => [],
    EnrolmentOutcome: (outcome: { kpj: string | null; nik: string }) =>
      outcome.kpj === null ? [] : [`kpj:${outcome.kpj}`, `nik:${outcome.nik}`],
    CoverageEnd: (ended: { kpj: string }) => [`kpj:${ended.kpj}`],
  },
  lookups: {
    ...AUDIT_TRAIL_LOOKUPS,
    'Query.participant': { nik: 'nik', kpj: 'kpj' },
    Worker: { nik: 'nik' },
    Participant: { kpj: 'kpj' },
  },
  // BPJS files enrolments and claims under the KPJ: a data subject's requests reach those too.
  identifiersOfNik,
  /**
   * Who may change the ledger, and why. DKI's HR submits its own workers for enrolment (the
   * agreement's collective registration); BPJS's officers enrol and end cover for ENROLMENT and
   * file and decide claims for CLAIM_VERIFICATION. Nobody else writes; analysts and auditors never.
   */
  writes: {
    'Mutation.enrolParticipants': { dki_hr: ['ENROLMENT'], bpjs_officer: ['ENROLMENT'] },
    'Mutation.endCoverage': { bpjs_officer: ['ENROLMENT'] },
    'Mutation.fileClaim': { bpjs_officer: ['CLAIM_VERIFICATION'] },
    'Mutation.verifyClaim': { bpjs_officer: ['CLAIM_VERIFICATION'] },
    'Mutation.payClaim': { bpjs_officer: ['CLAIM_VERIFICATION'] },
    'Mutation.rejectClaim': { bpjs_officer: ['CLAIM_VERIFICATION'] },
  },
});
