import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '@jembatan/kit';
import type { BpjsContext } from '../context';
import type { ClaimEntity } from '../entities';
import { requireClaimId } from '../validation/require-claim-id';
import { Claim, Participant } from '../types';

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => Claim, {
    nullable: true,
    description: 'One claim by its reference. An unknown one gives null with a NOT_FOUND error.',
  })
  async claim(
    @Arg('id', () => ID, { description: 'The claim reference, e.g. "KLM-2016-0000022".' }) id: string,
    @Ctx() ctx: BpjsContext,
  ): Promise<ClaimEntity> {
    const claim = await ctx.loaders.claimById.load(requireClaimId(id, 'id'));
    if (!claim) throw notFound('Claim', id);
    return claim;
  }

  @FieldResolver(() => Participant)
  participant(@Root() claim: ClaimEntity, @Ctx() ctx: BpjsContext) {
    return ctx.loaders.participantByKpj.load(claim.kpj);
  }
}
