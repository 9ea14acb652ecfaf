import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RupiahScalar } from '@jembatan/kit';
import { ClaimStatus, Program } from './enums';
import { Participant } from './participant.type';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A benefit claim filed at a BPJS Ketenagakerjaan branch office.' })
export class Claim {
  @Field(() => ID, { description: 'Claim reference, e.g. "KLM-2016-0000123".' })
  id: string;

  @Field(() => Program, { description: 'The programme the claim is made under.' })
  program: Program;

  @Field(() => DateScalar, { description: 'Day the claim was filed.' })
  filedOn: string;

  @Field(() => ClaimStatus, { description: 'Processing status.' })
  status: ClaimStatus;

  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      'Claimed (or, once paid, paid) benefit in whole Rupiah. Personal financial data: null with a FORBIDDEN error unless your roles and purpose grant it.',
  })
  amount: string;

  @Field({ description: 'Kemendagri code of the city or regency whose branch office took the claim, e.g. "31.74".' })
  regionCode: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day of the accident, death or other event claimed for; null on claims recorded before BPJS kept it here.',
  })
  incidentDate: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the claim was paid or rejected; null while it is open.',
  })
  decidedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the claim was rejected (REJECTED only; null on rejections recorded before BPJS kept the reason here).',
  })
  rejectionReason: string | null;

  @Field(() => Int, { description: 'Raised by every change: send the version you read with a decision.' })
  version: number;

  // Typed `unknown` so no decorator metadata touches Participant while the two modules, which
  // refer to each other, are still loading; the thunk gives GraphQL the real type later.
  @Field(() => Participant, { description: 'Who the claim belongs to.' })
  participant?: unknown;
}
