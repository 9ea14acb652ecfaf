import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@jembatan/kit';

@Directive('@key(fields: "npp")')
@ObjectType({
  description:
    'An employer (pemberi kerja) registered with BPJS Ketenagakerjaan, which registers its wage earners (PU).',
})
export class Employer {
  @Field(() => ID, { description: 'Nomor Pendaftaran Perusahaan: the 8-digit employer registration number.' })
  npp: string;

  @Field({ description: 'Registered company name, e.g. "PT Sinar Jaya Tekstil".' })
  name: string;

  @Field({
    description: 'Kemendagri code of the regency or city whose branch office registered the employer, e.g. "32.73".',
  })
  regionCode: string;

  @Field(() => DateScalar, { description: 'Day the employer was registered.' })
  registeredOn: string;

  @Field(() => Int, { description: 'Its wage earners with at least one active enrolment.' })
  activeParticipants?: number;
}
