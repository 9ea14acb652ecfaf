import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { PUBLIC_AGGREGATE, RupiahScalar } from '@jembatan/kit';
import { Program } from './enums';

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'Claims of one programme.' })
export class ProgramClaims {
  @Field(() => Program, { description: 'The programme.' })
  program: Program;

  @Field(() => Int, { description: 'Number of claims filed.' })
  count: number;

  @Field(() => RupiahScalar, { description: 'Their total amount.' })
  amount: string;
}

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'Claims filed in one year and region, computed in the database.' })
export class ClaimStatistics {
  @Field(() => Int, { description: 'The calendar year the claims were filed in.' })
  year: number;

  @Field(() => String, {
    nullable: true,
    description: 'The Kemendagri region the statistics cover; null for all of Indonesia.',
  })
  regionCode: string | null;

  @Field(() => Int, { description: 'Number of claims filed.' })
  count: number;

  @Field(() => RupiahScalar, { description: 'Total amount of those claims.' })
  amount: string;

  @Field(() => [ProgramClaims], {
    description: 'Per programme; all five are listed, with zeros where none were filed.',
  })
  byProgram: ProgramClaims[];
}

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'Participants of one programme.' })
export class ProgramCoverage {
  @Field(() => Program, { description: 'The programme.' })
  program: Program;

  @Field(() => Int, { description: 'Participants with an active enrolment in the programme.' })
  enrolled: number;
}

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'Totals of a set of claims.' })
export class ClaimTotals {
  @Field(() => Int, { description: 'Number of claims.' })
  count: number;

  @Field(() => RupiahScalar, { description: 'Their total amount.' })
  amount: string;
}

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'BPJS cover of the participants a Pemprov DKI unit registered collectively.' })
export class UnitCoverage {
  @Field(() => Int, { description: 'Participants registered through the unit with at least one active enrolment.' })
  enrolled: number;

  @Field(() => [ProgramCoverage], { description: 'Active enrolments per programme; all five are listed.' })
  byProgram: ProgramCoverage[];

  @Field(() => ClaimTotals, { description: 'All claims ever filed by those participants.' })
  claims: ClaimTotals;
}
