import { requireBatchSize, type TransactionQueries } from '@jembatan/kit';
import { changeCoverage } from './coverage-summaries';
import type { EnrolmentOutcome, EnrolmentResult } from './enrolment-outcome';
import { issueKpjs } from './issue-kpjs';
import type { LedgerChange } from './ledger-change';
import { participantEnrolled } from './participant-events';
import { isCandidate, screenPeople, type Candidate, type PersonToEnrol } from './screen-people';
import { participantSubjects } from './participant-subjects';

/** The most people one call enrols: one transaction of about a dozen statements, a few MB of answer. */
export const MAX_PEOPLE_PER_ENROLMENT = 1_000;

export interface EnrolmentRequest {
  registrarUnitCode: string;
  people: readonly PersonToEnrol[];
  /** The day BPJS registers them: today, for a mutation. */
  registeredOn: string;
}

/** Refuses a request too large for one call, or an empty one. */
export const requireEnrolmentBatch = (people: readonly unknown[]): void =>
  requireBatchSize(people, MAX_PEOPLE_PER_ENROLMENT, 'people', 'people to enrol');

interface ExistingRow {
  kpj: string;
  nik: string;
  open: boolean;
  last_until: string | null;
}

// Locks the people already known, so two registrars submitting the same person queue here. A
// person is covered while an enrolment is open or runs up to a day the new cover would start on.
const EXISTING_SQL = `
  SELECT p.kpj, p.nik,
         EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = p.kpj AND e.until IS NULL) AS open,
         (SELECT max(e.until)::text FROM enrollment e WHERE e.kpj = p.kpj) AS last_until
    FROM participant p
   WHERE p.nik = ANY($1)
   ORDER BY p.kpj
     FOR UPDATE OF p`;

// New participants; a NIK another transaction registered meanwhile is skipped (its KPJ is read after).
const INSERT_PARTICIPANTS_SQL = `
  INSERT INTO participant (kpj, nik, name, segment, registrar_unit_code, registered_on, worker_category, declared_income)
  SELECT kpj, nik, name, 'BPU', $5, $6, category, income
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $7::numeric[]) AS person (kpj, nik, name, category, income)
  ON CONFLICT (nik) DO NOTHING
  RETURNING nik`;

// A former participant without cover comes back under their lifetime KPJ, as a BPU of this unit.
const REENROL_SQL = `
  UPDATE participant p
     SET segment = 'BPU', registrar_unit_code = $3, worker_category = person.category,
         declared_income = coalesce(person.income, p.declared_income), version = p.version + 1
    FROM unnest($1::text[], $2::text[], $4::numeric[]) AS person (kpj, category, income)
   WHERE p.kpj = person.kpj`;

const INSERT_COVER_SQL = `
  INSERT INTO enrollment (kpj, program, since)
  SELECT kpj, program, since FROM unnest($1::text[], $2::text[], $3::date[]) AS cover (kpj, program, since)`;

const earliestSince = (candidate: Candidate) => candidate.cover.map((c) => c.since).sort()[0]!;

/**
 * Enrols DKI's workers as BPU participants of one registrar unit, in the caller's transaction and
 * in about a dozen statements for up to MAX_PEOPLE_PER_ENROLMENT people: each person ENROLLED
 * (a new KPJ, or their lifetime one when their earlier cover had ended), ALREADY_ENROLLED (with
 * their KPJ), or REFUSED by a rule (with its code and reason). Appends one ParticipantEnrolled
 * per person enrolled and keeps the coverage summaries exact.
 */
export async function enrolParticipants(
  transaction: TransactionQueries,
  request: EnrolmentRequest,
): Promise<LedgerChange<EnrolmentResult>> {
  const { registrarUnitCode, registeredOn } = request;
  const screened = screenPeople(request.people);
  const outcomes: EnrolmentOutcome[] = screened.map((person) => ({
    index: person.index,
    nik: person.nik,
    status: 'REFUSED',
    kpj: null,
    programs: [],
    code: isCandidate(person) ? null : person.refused.code,
    reason: isCandidate(person) ? null : person.refused.reason,
  }));
  const candidates = screened.filter(isCandidate);
  const existing = candidates.length
    ? ((await transaction.query(EXISTING_SQL, [candidates.map((c) => c.nik)])) as ExistingRow[])
    : [];
  const existingByNik = new Map(existing.map((row) => [row.nik, row]));
  const alreadyEnrolled = (candidate: Candidate, kpj: string) =>
    Object.assign(outcomes[candidate.index]!, { status: 'ALREADY_ENROLLED', kpj });

  const newcomers: Candidate[] = [];
  const returning: { candidate: Candidate; kpj: string }[] = [];
  for (const candidate of candidates) {
    const known = existingByNik.get(candidate.nik);
    if (!known) newcomers.push(candidate);
    else if (known.open || (known.last_until !== null && known.last_until >= earliestSince(candidate))) {
      alreadyEnrolled(candidate, known.kpj);
    } else returning.push({ candidate, kpj: known.kpj });
  }

  const enrolled = await changeCoverage(
    transaction,
    returning.map((r) => r.kpj),
    async () => {
      const kpjs = await issueKpjs(transaction, newcomers.length, registeredOn);
      const inserted = newcomers.length
        ? ((await transaction.query(INSERT_PARTICIPANTS_SQL, [
            kpjs,
            newcomers.map((c) => c.nik),
            newcomers.map((c) => c.name),
            newcomers.map((c) => c.category),
            registrarUnitCode,
            registeredOn,
            newcomers.map((c) => c.declaredIncome),
          ])) as { nik: string }[])
        : [];
      const insertedNiks = new Set(inserted.map((row) => row.nik));
      const raced = newcomers.filter((c) => !insertedNiks.has(c.nik));
      if (raced.length > 0) {
        const rows = (await transaction.query('SELECT nik, kpj FROM participant WHERE nik = ANY($1)', [
          raced.map((c) => c.nik),
        ])) as { nik: string; kpj: string }[];
        const kpjOf = new Map(rows.map((row) => [row.nik, row.kpj]));
        for (const candidate of raced) alreadyEnrolled(candidate, kpjOf.get(candidate.nik)!);
      }
      if (returning.length > 0) {
        await transaction.query(REENROL_SQL, [
          returning.map((r) => r.kpj),
          returning.map((r) => r.candidate.category),
          registrarUnitCode,
          returning.map((r) => r.candidate.declaredIncome),
        ]);
      }
      const people = [
        ...newcomers.flatMap((c, i) => (insertedNiks.has(c.nik) ? [{ candidate: c, kpj: kpjs[i]! }] : [])),
        ...returning,
      ].sort((a, b) => a.candidate.index - b.candidate.index);
      const cover = people.flatMap(({ candidate, kpj }) => candidate.cover.map((c) => ({ kpj, ...c })));
      if (cover.length > 0) {
        await transaction.query(INSERT_COVER_SQL, [
          cover.map((c) => c.kpj),
          cover.map((c) => c.program),
          cover.map((c) => c.since),
        ]);
      }
      return { result: people, kpjs: people.map((p) => p.kpj) };
    },
  );

  for (const { candidate, kpj } of enrolled) {
    Object.assign(outcomes[candidate.index]!, { status: 'ENROLLED', kpj, programs: candidate.cover });
  }
  const count = (status: EnrolmentOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    result: {
      registrarUnitCode,
      enrolled: enrolled.length,
      alreadyEnrolled: count('ALREADY_ENROLLED'),
      refused: count('REFUSED'),
      outcomes,
    },
    subjects: enrolled.flatMap(({ candidate, kpj }) => participantSubjects({ nik: candidate.nik, kpj })),
    changes: enrolled.length
      ? [
          { field: 'Participant.kpj', value: enrolled.map((e) => [e.candidate.nik, e.kpj]) },
          { field: 'Participant.name', value: enrolled.map((e) => [e.candidate.nik, e.candidate.name]) },
          { field: 'Participant.registrarUnitCode', value: registrarUnitCode },
          { field: 'Participant.enrollments', value: enrolled.map((e) => [e.kpj, e.candidate.cover]) },
        ]
      : [],
    events: enrolled.map(({ candidate, kpj }) =>
      participantEnrolled({ nik: candidate.nik, kpj, registrarUnitCode, programs: candidate.cover }),
    ),
  };
}
