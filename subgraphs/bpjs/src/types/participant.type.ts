import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@jembatan/kit';
import { Program, Segment } from './enums';
import { Claim } from './claim.type';
import { Employer } from './employer.type';

@ObjectType({ description: 'Membership of one programme over a period.' })
export class Enrollment {
  @Field(() => Program, { description: 'The programme.' })
  program: Program;

  @Field(() => DateScalar, { description: 'First day of cover.' })
  since: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of cover; null while the enrolment is active.' })
  until: string | null;
}

@Directive('@key(fields: "kpj")')
@ObjectType({
  description:
    'A BPJS Ketenagakerjaan participant (peserta). NIK, contributions and claims are personal data under UU 27/2022.',
})
export class Participant {
  @Field(() => ID, { description: 'Kartu Peserta Jamsostek number: 11 digits.' })
  kpj: string;

  @Field({
    description:
      'NIK of the participant: the 16-digit national identity number, masked (e.g. "3174**********01") for callers who may know that the person is a participant but not who.',
  })
  nik: string;

  @Field({ description: 'Full name as registered with BPJS.' })
  name: string;

  @Field(() => Segment, { description: 'Participation segment (PKP of Pemprov DKI are BPU).' })
  segment: Segment;

  @Field(() => DateScalar, { description: 'Day the participant was first registered.' })
  registeredOn: string;

  @Field(() => Int, {
    description: 'Raised by every change to the participant or their cover: send the version you read with a change.',
  })
  version: number;

  @Field(() => Employer, {
    nullable: true,
    description: 'The employer that registered this wage earner (PU); null for every other segment.',
  })
  employer?: Employer | null;

  @Field(() => [Enrollment], { description: 'Programme memberships, oldest first.' })
  enrollments?: Enrollment[];

  @Field(() => [Claim], {
    nullable: true,
    description:
      'Claims filed by or for this participant, oldest first; null with a FORBIDDEN error when your roles and purpose do not grant them.',
  })
  claims?: Claim[];
}
