import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@jembatan/kit';
import { Program } from './enums';
import { Enrollment } from './participant.type';
import { WorkerCategory } from './worker-category';

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  ALREADY_ENROLLED = 'ALREADY_ENROLLED',
  REFUSED = 'REFUSED',
}

registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'What became of one person of a bulk enrolment.',
  valuesConfig: {
    ENROLLED: { description: 'Now a BPU participant: a new KPJ, or their lifetime one when earlier cover had ended.' },
    ALREADY_ENROLLED: {
      description: 'Already covered (or covered up to the day the new cover would start): nothing written.',
    },
    REFUSED: { description: 'A rule refused this person (`code`, `reason`); the others were still enrolled.' },
  },
});

@InputType({ description: 'One Pemprov DKI worker to enrol as a BPU participant.' })
export class PersonToEnrolInput {
  @Field({ description: 'The 16-digit NIK.' })
  nik: string;

  @Field({ description: 'Full name, 1 to 200 characters.' })
  name: string;

  @Field(() => WorkerCategory, { description: 'The DKI contract category; it decides when cover may start.' })
  category: WorkerCategory;

  @Field(() => DateScalar, {
    description:
      'First day of the DKI contract: cover starts then, but not before the programme starts for the category.',
  })
  contractStart: string;

  @Field(() => [Program], {
    nullable: true,
    description:
      "The programmes to enrol in; by default the agreement's (PKP: JKK, JKM, JHT; PPSU and KEBERSIHAN: JKK, JKM).",
  })
  programs?: Program[] | null;
}

@ObjectType({ description: 'What became of one person of a bulk enrolment.' })
export class EnrolmentOutcome {
  @Field(() => Int, { description: "The person's place in the request, from 0." })
  index: number;

  @Field({ description: 'The NIK as sent.' })
  nik: string;

  @Field(() => EnrolmentStatus, { description: 'Enrolled, already enrolled, or refused.' })
  status: EnrolmentStatus;

  @Field(() => ID, {
    nullable: true,
    description: 'The KPJ: new or lifetime when ENROLLED, existing when ALREADY_ENROLLED.',
  })
  kpj: string | null;

  @Field(() => [Enrollment], { description: 'The cover written, each programme from its first day (ENROLLED only).' })
  programs: { program: Program; since: string }[];

  @Field(() => String, {
    nullable: true,
    description: 'The error code of the rule that refused the person (REFUSED only).',
  })
  code: string | null;

  @Field(() => String, { nullable: true, description: 'Why the person was refused (REFUSED only).' })
  reason: string | null;
}

@ObjectType({ description: 'The answer to a bulk enrolment: counts and one outcome per person, in request order.' })
export class EnrolParticipantsResult {
  @Field(() => ID, { description: 'The Pemprov DKI unit that registered them.' })
  registrarUnitCode: string;

  @Field(() => Int, { description: 'People enrolled by this call.' })
  enrolled: number;

  @Field(() => Int, { description: 'People who were already enrolled: nothing written for them.' })
  alreadyEnrolled: number;

  @Field(() => Int, { description: 'People a rule refused (see their outcomes).' })
  refused: number;

  @Field(() => [EnrolmentOutcome], { description: 'One outcome per person, in request order.' })
  outcomes: EnrolmentOutcome[];

  @Field({
    description: 'True when this answers a retry of an earlier request with the same key: nothing was written again.',
  })
  replayed: boolean;
}

@ObjectType({ description: "The answer to endCoverage: which cover ended, and the participant's new version." })
export class CoverageEnd {
  @Field(() => ID, { description: "The participant's KPJ." })
  kpj: string;

  @Field(() => DateScalar, { description: 'The last covered day.' })
  until: string;

  @Field(() => [Program], { description: 'The programmes whose cover ended.' })
  programs: Program[];

  @Field(() => Int, { description: "The participant's version after the change: send it with the next change." })
  version: number;

  @Field({ description: 'True when this answers a retry of an earlier request with the same key.' })
  replayed: boolean;
}
