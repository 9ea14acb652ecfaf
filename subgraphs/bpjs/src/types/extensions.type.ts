import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PUBLIC_AGGREGATE } from '@jembatan/kit';
import { Participant } from './participant.type';
import { UnitCoverage } from './statistics.type';

/** Pemprov DKI's Worker, extended with the worker's BPJS participation (joined on NIK). */
@Directive('@key(fields: "nik")')
@ObjectType('Worker')
export class WorkerReference {
  @Field({ description: 'NIK of the worker: the 16-digit national identity number.' })
  nik: string;

  @Field(() => Participant, {
    nullable: true,
    description: "The worker's BPJS Ketenagakerjaan participation; null when not registered.",
  })
  bpjs?: Participant | null;
}

/** Pemprov DKI's Unit, extended with the BPJS cover of the people it registered. */
@Directive(PUBLIC_AGGREGATE)
@Directive('@key(fields: "code")')
@ObjectType('Unit')
export class UnitReference {
  @Field(() => ID, { description: 'Pemprov DKI unit code.' })
  code: string;

  @Field(() => UnitCoverage, {
    nullable: true,
    description:
      'BPJS enrolment and claims of the participants this unit registered collectively; null with an error when BPJS cannot answer, so the unit itself still arrives.',
  })
  bpjsCoverage?: UnitCoverage;
}
