import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { PUBLIC_AGGREGATE } from '@jembatan/kit';
import { UnitKind, WorkerCategory } from './enums';

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'How many workers one contract category has.' })
export class CategoryCount {
  @Field(() => WorkerCategory, { description: 'The contract category.' })
  category: WorkerCategory;

  @Field(() => Int, { description: 'Number of workers in it.' })
  count: number;
}

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'How many units of one kind exist.' })
export class UnitKindCount {
  @Field(() => UnitKind, { description: 'The unit kind.' })
  kind: UnitKind;

  @Field(() => Int, { description: 'Number of units of that kind.' })
  count: number;
}

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'Registry-wide totals, computed in the database.' })
export class WorkforceStatistics {
  @Field(() => Int, { description: 'Number of work units (SKPD and UKPD).' })
  unitCount: number;

  @Field(() => Int, { description: 'Number of contract workers across all units and categories.' })
  workerCount: number;

  @Field(() => [CategoryCount], { description: 'Workers per category; every category is listed, with 0 where none.' })
  byCategory: CategoryCount[];

  @Field(() => [UnitKindCount], { description: 'Units per kind; every kind is listed, with 0 where none.' })
  byUnitKind: UnitKindCount[];
}
