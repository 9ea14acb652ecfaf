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
import { subjectsOfNik } from './writes/worker-subjects';

/**
 * Who may read Pemprov DKI's workforce registry, and for what (UU 27/2022: least privilege,
 * purpose limitation). Deny by default: a field in no group, or a group in no grant, is
 * unreadable. The access table of docs/security.md is this file, in prose.
 */
export const workforceAccessPolicy = defineAccessPolicy({
  agency: 'Pemprov DKI',
  groups: {
    ...AUDIT_TRAIL_GROUPS,
    ...EVENT_INBOX_GROUPS,
    /** The public face of the administration: which units exist and how they nest. */
    directory: [
      'Query.unit',
      'Query.units',
      'Unit.code',
      'Unit.name',
      'Unit.kind',
      'Unit.regionCode',
      'Unit.parent',
      'Unit.children',
      'UnitConnection.*',
      'UnitEdge.*',
      'PageInfo.*',
    ],
    /** Counts computed in the database: nobody in particular. */
    aggregates: [
      'Query.workforceStatistics',
      'WorkforceStatistics.*',
      'CategoryCount.*',
      'UnitKindCount.*',
      'Unit.headcount',
      'Unit.coverageGapCount',
      'CoverageGapCount.*',
    ],
    /** The ways to workers: lookups and pages of them. */
    workerLookup: ['Query.worker', 'Query.workers', 'Unit.workers', 'WorkerConnection.*', 'WorkerEdge.*'],
    /** Where a worker works and under which regime: that a person exists, not who. */
    workerPlacement: ['Worker.category', 'Worker.unit', 'Worker.version'],
    /** Who the worker is: their NIK, also the key BPJS joins on. */
    workerIdentity: ['Worker.nik'],
    workerName: ['Worker.name'],
    workerContract: ['Worker.contractStart', 'Worker.contractEnd'],
    /** Personal financial data (UU 27/2022 Pasal 4(2)). */
    wage: ['Worker.monthlyWage'],
    /** Where the registries disagree: which workers lack the cover the agreement requires, or keep it too long. */
    coverageGapLookup: ['Query.coverageGaps', 'CoverageGapConnection.*', 'CoverageGapEdge.*'],
    /** One worker's BPJS cover as BPJS reported it to DKI: about a person. */
    coverageGap: ['CoverageGap.*'],
    /** What a registry change answers: the worker it changed is read-guarded field by field like any other. */
    /** Whether each NIK of a submitted list was registered, already known or refused: about those people. */
    registrationOutcomes: ['WorkerRegistrationOutcome.*'],
    registryChanges: [
      'RegisterWorkerResult.*',
      'RegisterWorkersResult.*',
      'EndContractResult.*',
      'TransferWorkerResult.*',
      'CorrectWageResult.*',
    ],
  },
  personal: [
    ...AUDIT_TRAIL_PERSONAL,
    'workerPlacement',
    'workerIdentity',
    'workerName',
    'workerContract',
    'wage',
    'coverageGap',
    'registrationOutcomes',
  ],
  grants: {
    analyst: { always: ['directory', 'aggregates'] },
    dki_hr: {
      always: ['directory', 'aggregates'],
      HR_ADMINISTRATION: [
        'workerLookup',
        'workerPlacement',
        'workerIdentity',
        'workerName',
        'workerContract',
        'wage',
        'coverageGapLookup',
        'coverageGap',
        'registryChanges',
        'registrationOutcomes',
      ],
      ENROLMENT: [
        'workerLookup',
        'workerPlacement',
        'workerIdentity',
        'workerName',
        'workerContract',
        'coverageGapLookup',
        'coverageGap',
      ],
      STATISTICS: ['workerLookup', 'workerPlacement', 'workerIdentity (masked)'],
      DATA_SUBJECT_REQUEST: [
        'workerLookup',
        'workerPlacement',
        'workerIdentity',
        'workerName',
        'workerContract',
        'wage',
      ],
    },
    bpjs_officer: {
      always: ['directory', 'aggregates'],
      ENROLMENT: [
        'workerLookup',
        'workerPlacement',
        'workerIdentity',
        'workerName',
        'coverageGapLookup',
        'coverageGap',
      ],
      CLAIM_VERIFICATION: ['workerLookup', 'workerPlacement', 'workerIdentity', 'workerName'],
      STATISTICS: ['workerLookup', 'workerPlacement', 'workerIdentity (masked)'],
    },
    auditor: {
      always: ['directory', 'aggregates'],
      ...AUDITOR_TRAIL_GRANTS,
      AUDIT: [...AUDITOR_TRAIL_GRANTS.AUDIT, ...AUDITOR_INBOX_GRANTS],
    },
  },
  masks: { 'Worker.nik': maskNik },
  subjectsOf: {
    ...AUDIT_TRAIL_SUBJECTS,
    Worker: (worker: { nik: string }) => [`nik:${worker.nik}`],
    CoverageGap: (gap: { nik: string }) => [`nik:${gap.nik}`],
    WorkerRegistrationOutcome: (outcome: { nik: string }) => subjectsOfNik(outcome.nik),
  },
  lookups: {
    ...AUDIT_TRAIL_LOOKUPS,
    'Query.worker': { nik: 'nik' },
    Worker: { nik: 'nik' },
  },
  /** The registry is changed by HR, for administering it, and by no one else. */
  writes: {
    'Mutation.registerWorker': { dki_hr: ['HR_ADMINISTRATION'] },
    'Mutation.registerWorkers': { dki_hr: ['HR_ADMINISTRATION'] },
    'Mutation.endContract': { dki_hr: ['HR_ADMINISTRATION'] },
    'Mutation.transferWorker': { dki_hr: ['HR_ADMINISTRATION'] },
    'Mutation.correctWage': { dki_hr: ['HR_ADMINISTRATION'] },
  },
});
