import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import {
  DateScalar,
  requireExpectedVersion,
  requireKpj,
  requireUnitCode,
  unitScopeOf,
  runWrite,
  todayInJakarta,
} from '@jembatan/kit';
import { validateNik } from '@jembatan/kit/identifiers';
import type { BpjsContext } from '../context';
import { IDEMPOTENCY_KEY, kpjSubjects } from './write-arguments';
import { CoverageEnd, EnrolParticipantsResult, PersonToEnrolInput, Program } from '../types';
import {
  endCoverage,
  enrolParticipants,
  MAX_PEOPLE_PER_ENROLMENT,
  requireEnrolmentBatch,
  type CoverageEndResult,
  type EnrolmentResult,
} from '../writes';

@Resolver()
export class EnrolmentResolver {
  @Mutation(() => EnrolParticipantsResult, {
    description: `Enrols Pemprov DKI workers as BPU participants registered by one DKI unit: at most ${MAX_PEOPLE_PER_ENROLMENT} people per call (BATCH_TOO_LARGE above), in one transaction. Each person is ENROLLED (a new KPJ), ALREADY_ENROLLED (their KPJ) or REFUSED (a code and reason: INVALID_NIK, PROGRAM_NOT_AVAILABLE, BAD_USER_INPUT), and the others still go through. For dki_hr or bpjs_officer with the purpose ENROLMENT.`,
  })
  async enrolParticipants(
    @Ctx() ctx: BpjsContext,
    @Arg('registrarUnitCode', () => ID, { description: 'The Pemprov DKI unit registering them, e.g. "KEC-317401".' })
    registrarUnitCode: string,
    @Arg('people', () => [PersonToEnrolInput], {
      description: `The workers to enrol: 1 to ${MAX_PEOPLE_PER_ENROLMENT}.`,
    })
    people: PersonToEnrolInput[],
    @Arg('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string,
  ): Promise<EnrolParticipantsResult> {
    const input = { registrarUnitCode, people: people.map((person) => ({ ...person })) };
    const outcome = await runWrite<EnrolmentResult>(
      ctx,
      {
        mutation: 'Mutation.enrolParticipants',
        idempotencyKey,
        input,
        attempt: {
          subjects: people.filter((person) => validateNik(person.nik).ok).map((person) => `nik:${person.nik}`),
          fields: ['Participant.kpj', 'Participant.name', 'Participant.registrarUnitCode', 'Participant.enrollments'],
        },
      },
      (transaction) => {
        requireEnrolmentBatch(people);
        unitScopeOf(ctx.caller, 'Mutation.enrolParticipants')(requireUnitCode(registrarUnitCode, 'registrarUnitCode'));
        return enrolParticipants(transaction, { ...input, registeredOn: todayInJakarta() });
      },
    );
    const { outcomes, ...counts } = outcome.result;
    return {
      ...counts,
      // As Enrollment objects: the KPJ they belong to, open-ended.
      outcomes: outcomes.map((o) => ({ ...o, programs: o.programs.map((c) => ({ kpj: o.kpj, ...c, until: null })) })),
      replayed: outcome.replayed,
    } as EnrolParticipantsResult;
  }

  @Mutation(() => CoverageEnd, {
    description:
      "Ends a participant's open cover on `until` (the last covered day), in the programmes named or all open ones, at the version you read (VERSION_CONFLICT otherwise). NOT_COVERED when a programme has no open cover, INVALID_DATE_RANGE when `until` comes before a cover's start. For bpjs_officer with the purpose ENROLMENT.",
  })
  async endCoverage(
    @Ctx() ctx: BpjsContext,
    @Arg('kpj', () => ID, { description: "The participant's KPJ." }) kpj: string,
    @Arg('until', () => DateScalar, { description: 'The last covered day.' }) until: string,
    @Arg('expectedVersion', () => Int, { description: "The participant's version you read." }) expectedVersion: number,
    @Arg('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string,
    @Arg('programs', () => [Program], {
      nullable: true,
      description: 'The programmes to end; every open one when omitted.',
    })
    programs?: Program[] | null,
  ): Promise<CoverageEnd> {
    const input = { kpj, until, expectedVersion, programs: programs ?? null };
    const outcome = await runWrite<CoverageEndResult>(
      ctx,
      {
        mutation: 'Mutation.endCoverage',
        idempotencyKey,
        input,
        attempt: { subjects: kpjSubjects(kpj), fields: ['Enrollment.until'] },
      },
      (transaction) =>
        endCoverage(transaction, {
          kpj: requireKpj(kpj, 'kpj'),
          until,
          programs,
          expectedVersion: requireExpectedVersion(expectedVersion),
        }),
    );
    return { ...outcome.result, replayed: outcome.replayed };
  }
}
