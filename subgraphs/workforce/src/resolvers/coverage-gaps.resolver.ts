import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, PageArgs, readPageArgs, todayInJakarta } from '@jembatan/kit';
import { explainGap, type CoverageGapRow } from '../agreement/coverage-gap';
import type { WorkforceContext } from '../context';
import type { UnitEntity } from '../entities';
import { listCoverageGaps } from '../queries';
import { CoverageGap, CoverageGapConnection, CoverageGapCount, Unit } from '../types';
import { requireUnit } from './require-unit';

const AS_OF_DESCRIPTION = 'The day to compare the registries on; today in Jakarta when omitted.';

@ArgsType()
class CoverageGapsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the workers of this unit.' })
  unitCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;
}

@Resolver(() => CoverageGap)
export class CoverageGapResolver {
  @Query(() => CoverageGapConnection, {
    description:
      "Where Pemprov DKI's registry and BPJS Ketenagakerjaan's disagree, in NIK order: running contracts without the cover the March 2016 agreement requires, and ended contracts whose registered cover still runs. BPJS's side is what its events reported to DKI.",
  })
  async coverageGaps(@Args() args: CoverageGapsArgs, @Ctx() ctx: WorkforceContext) {
    const unitCode = args.unitCode == null ? null : (await requireUnit(ctx, args.unitCode, 'unitCode')).code;
    const page = readPageArgs('coverageGaps', args);
    return listCoverageGaps(ctx.database, { unitCode, asOf: args.asOf ?? todayInJakarta() }, page);
  }

  @FieldResolver(() => String)
  explanation(@Root() gap: CoverageGapRow) {
    return explainGap(gap);
  }

  @FieldResolver()
  worker(@Root() gap: CoverageGapRow, @Ctx() ctx: WorkforceContext) {
    return ctx.loaders.workerByNik.load(gap.nik);
  }
}

@Resolver(() => Unit)
export class UnitCoverageGapResolver {
  @FieldResolver(() => CoverageGapCount, {
    description: "How many of this unit's workers the registries disagree on: counts only, nobody in particular.",
  })
  async coverageGapCount(
    @Root() unit: UnitEntity,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
    @Ctx() ctx: WorkforceContext,
  ): Promise<CoverageGapCount> {
    const count = await ctx.loaders.coverageGapCountsOf.load({ unitCode: unit.code, asOf: asOf ?? todayInJakarta() });
    return { ...count, total: count.missingCover + count.coverAfterContractEnd };
  }
}
