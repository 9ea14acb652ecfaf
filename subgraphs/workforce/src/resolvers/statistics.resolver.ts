import { Ctx, Query, Resolver } from 'type-graphql';
import type { WorkforceContext } from '../context';
import { workforceStatistics } from '../queries';
import { WorkforceStatistics } from '../types';

@Resolver()
export class StatisticsResolver {
  @Query(() => WorkforceStatistics, {
    description: 'Registry-wide counts of units and workers, computed in the database.',
  })
  workforceStatistics(@Ctx() ctx: WorkforceContext) {
    return workforceStatistics(ctx.database);
  }
}
