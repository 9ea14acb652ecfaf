/**
 * What each agency's audit record of a published operation's answer lists, as the subgraphs
 * record it (one record per agency and request; aggregates none).
 */
interface Person {
  nik?: string;
  bpjs?: { kpj?: string } | null;
}

interface AuditedReads {
  workforce: { subjects: string[]; fields: string[] };
  bpjs: { subjects: string[]; fields: string[] };
}

const UNIT_STAFF_FIELDS = {
  workforce: [
    'Worker.category',
    'Worker.contractStart',
    'Worker.monthlyWage',
    'Worker.name',
    'Worker.nik',
    'WorkerConnection.pageInfo.endCursor',
    'WorkerEdge.cursor',
  ],
  bpjs: [
    'Enrollment.program',
    'Enrollment.since',
    'Enrollment.until',
    'Participant.enrollments',
    'Participant.kpj',
    'Participant.segment',
    'Worker (lookup)',
  ],
};

const WORKER_ENROLMENT_FIELDS = {
  workforce: [
    'Query.worker',
    'Worker.category',
    'Worker.contractEnd',
    'Worker.contractStart',
    'Worker.name',
    'Worker.nik',
    'Worker.unit',
  ],
  bpjs: [
    'Enrollment.program',
    'Enrollment.since',
    'Enrollment.until',
    'Participant.enrollments',
    'Participant.kpj',
    'Participant.registeredOn',
    'Participant.segment',
    'Worker (lookup)',
  ],
};

function readsOf(people: readonly Person[], fields: { workforce: string[]; bpjs: string[] }): AuditedReads {
  const niks = people.flatMap((person) => (person.nik ? [`nik:${person.nik}`] : []));
  const kpjs = people.flatMap((person) => (person.bpjs?.kpj ? [`kpj:${person.bpjs.kpj}`] : []));
  return {
    workforce: { subjects: niks, fields: fields.workforce },
    bpjs: { subjects: [...kpjs, ...niks], fields: fields.bpjs },
  };
}

/** The reads to record for an answer, or null for an operation that reads nobody (aggregates). */
export function auditedReadsOf(operation: string, answer: { data?: unknown }): AuditedReads | null {
  const data = answer.data as {
    unit?: { workers?: { edges?: { node: Person }[] } } | null;
    worker?: Person | null;
  } | null;
  if (operation === 'UnitStaffWithBpjs') {
    const people = (data?.unit?.workers?.edges ?? []).map((edge) => edge.node);
    return readsOf(people, UNIT_STAFF_FIELDS);
  }
  if (operation === 'WorkerEnrolment') {
    const worker = data?.worker;
    return readsOf(worker ? [worker] : [], WORKER_ENROLMENT_FIELDS);
  }
  return null;
}
