import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, readPageArgs, toConnection } from '@jembatan/kit';
import type { WorkforceContext } from '../context';
import type { UnitEntity } from '../entities';
import { workersIn } from '../loaders';
import { listUnits } from '../queries';
import { requireUnit } from './require-unit';
import { Unit, UnitConnection, UnitKind, WorkerCategory, WorkerConnection } from '../types';

@ArgsType()
class UnitsArgs extends PageArgs {
  @Field(() => UnitKind, { nullable: true, description: 'Only units of this kind.' })
  kind?: UnitKind | null;

  @Field(() => ID, { nullable: true, description: 'Only the units directly under this unit.' })
  parentCode?: string | null;
}

@ArgsType()
class UnitWorkersArgs extends PageArgs {
  @Field(() => WorkerCategory, { nullable: true, description: 'Only workers of this contract category.' })
  category?: WorkerCategory | null;
}

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, {
    nullable: true,
    description: 'One work unit by its code. An unknown code gives null with a NOT_FOUND error.',
  })
  async unit(
    @Arg('code', () => ID, { description: 'The unit code, e.g. "KEC-317401".' }) code: string,
    @Ctx() ctx: WorkforceContext,
  ): Promise<UnitEntity> {
    return requireUnit(ctx, code, 'code');
  }

  @Query(() => UnitConnection, { description: 'Work units in code order, optionally of one kind or under one parent.' })
  async units(@Args() args: UnitsArgs, @Ctx() ctx: WorkforceContext) {
    const parentCode = args.parentCode == null ? null : (await requireUnit(ctx, args.parentCode, 'parentCode')).code;
    const page = readPageArgs('units', args);
    return listUnits(ctx.database, { kind: args.kind ?? null, parentCode }, page);
  }

  @FieldResolver(() => Unit, { nullable: true })
  parent(@Root() unit: UnitEntity, @Ctx() ctx: WorkforceContext) {
    return unit.parentCode ? ctx.loaders.unitByCode.load(unit.parentCode) : null;
  }

  @FieldResolver(() => [Unit])
  children(@Root() unit: UnitEntity, @Ctx() ctx: WorkforceContext) {
    return ctx.loaders.childrenOf.load(unit.code);
  }

  @FieldResolver(() => Int)
  async headcount(@Root() unit: UnitEntity, @Ctx() ctx: WorkforceContext) {
    return workersIn(await ctx.loaders.workerCountsOf.load(unit.code), null);
  }

  @FieldResolver(() => WorkerConnection, {
    nullable: true,
    description:
      'Contract workers assigned to this unit, in NIK order; null with a FORBIDDEN error when your roles and purpose do not reach individual workers.',
  })
  async workers(@Root() unit: UnitEntity, @Args() args: UnitWorkersArgs, @Ctx() ctx: WorkforceContext) {
    const page = readPageArgs('workers', args);
    const category = args.category ?? null;
    const rows = await ctx.loaders.unitWorkersPage.load({
      unitCode: unit.code,
      category,
      afterNik: page.afterKey,
      limit: page.limit + 1,
    });
    return toConnection(
      page,
      rows,
      (worker) => worker.nik,
      async () => workersIn(await ctx.loaders.workerCountsOf.load(unit.code), category),
    );
  }
}
