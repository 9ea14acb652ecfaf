import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badInput, notFound, requireKpj, requireNik } from '@jembatan/kit';
import type { BpjsContext } from '../context';
import type { ParticipantEntity } from '../entities';
import { Claim, Employer, Enrollment, Participant } from '../types';

@Resolver(() => Participant)
export class ParticipantResolver {
  @Query(() => Participant, {
    nullable: true,
    description:
      'One participant, by KPJ or by NIK (give exactly one). An unknown one gives null with a NOT_FOUND error.',
  })
  async participant(
    @Ctx() ctx: BpjsContext,
    @Arg('kpj', () => ID, { nullable: true, description: 'The 11-digit KPJ membership number.' }) kpj?: string | null,
    @Arg('nik', () => String, { nullable: true, description: "The participant's 16-digit NIK." }) nik?: string | null,
  ): Promise<ParticipantEntity> {
    if ((kpj == null) === (nik == null)) {
      throw badInput('BAD_USER_INPUT', 'Give exactly one of kpj and nik');
    }
    const participant =
      kpj != null
        ? await ctx.loaders.participantByKpj.load(requireKpj(kpj, 'kpj'))
        : await ctx.loaders.participantByNik.load(requireNik(nik as string, 'nik'));
    if (!participant) throw notFound('Participant', (kpj ?? nik) as string);
    return participant;
  }

  @FieldResolver(() => Employer, { nullable: true })
  employer(@Root() participant: ParticipantEntity, @Ctx() ctx: BpjsContext) {
    return participant.employerNpp === null ? null : ctx.loaders.employerByNpp.load(participant.employerNpp);
  }

  @FieldResolver(() => [Enrollment])
  enrollments(@Root() participant: ParticipantEntity, @Ctx() ctx: BpjsContext) {
    return ctx.loaders.enrollmentsOf.load(participant.kpj);
  }

  @FieldResolver(() => [Claim])
  claims(@Root() participant: ParticipantEntity, @Ctx() ctx: BpjsContext) {
    return ctx.loaders.claimsOf.load(participant.kpj);
  }
}
