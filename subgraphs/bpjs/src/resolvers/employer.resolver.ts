import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '@jembatan/kit';
import type { BpjsContext } from '../context';
import type { EmployerEntity } from '../entities';
import { Employer } from '../types';
import { requireNpp } from '../validation/require-npp';

@Resolver(() => Employer)
export class EmployerResolver {
  @Query(() => Employer, {
    nullable: true,
    description: 'One employer by NPP. An unknown one gives null with a NOT_FOUND error.',
  })
  async employer(
    @Arg('npp', () => ID, { description: 'The 8-digit NPP (employer registration number).' }) npp: string,
    @Ctx() ctx: BpjsContext,
  ): Promise<EmployerEntity> {
    const employer = await ctx.loaders.employerByNpp.load(requireNpp(npp, 'npp'));
    if (!employer) throw notFound('Employer', npp);
    return employer;
  }

  @FieldResolver(() => Int)
  activeParticipants(@Root() employer: EmployerEntity, @Ctx() ctx: BpjsContext) {
    return ctx.loaders.activeParticipantsOf.load(employer.npp);
  }
}
