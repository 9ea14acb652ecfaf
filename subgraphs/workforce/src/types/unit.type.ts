import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PUBLIC_AGGREGATE } from '@jembatan/kit';
import { UnitKind } from './enums';

@Directive(PUBLIC_AGGREGATE)
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A Pemprov DKI work unit (SKPD or UKPD) that employs contract workers.' })
export class Unit {
  @Field(() => ID, { description: 'Stable unit code, e.g. "DKEBERSIHAN" or "KEL-3174011001".' })
  code: string;

  @Field({ description: 'Official name, e.g. "Suku Dinas Kebersihan Jakarta Selatan".' })
  name: string;

  @Field(() => UnitKind, { description: 'Whether the unit is an SKPD or a UKPD under one.' })
  kind: UnitKind;

  @Field({
    description:
      'Kemendagri code of the area the unit serves: "31" (province), "31.74" (city), "31.74.01" (kecamatan) or "31.74.01.1001" (kelurahan).',
  })
  regionCode: string;

  @Field(() => Unit, { nullable: true, description: 'The unit this one belongs to; null for a top-level SKPD.' })
  parent?: Unit | null;

  @Field(() => [Unit], { description: 'Units directly under this one, ordered by code.' })
  children?: Unit[];

  @Field(() => Int, { description: 'Number of contract workers assigned directly to this unit (not to its children).' })
  headcount?: number;
}
