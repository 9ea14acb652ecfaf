import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound, PageArgs, readPageArgs, requireNik } from '@jembatan/kit';
import type { WorkforceContext } from '../context';
import type { WorkerEntity } from '../entities';
import { listWorkers } from '../queries';
import { requireUnit } from './require-unit';
import { Unit, Worker, WorkerCategory, WorkerConnection } from '../types';

@ArgsType()
class WorkersArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only workers assigned to this unit.' })
  unitCode?: string | null;

  @Field(() => WorkerCategory, { nullable: true, description: 'Only workers of this contract category.' })
  category?: WorkerCategory | null;
}

@Resolver(() => Worker)
export class WorkerResolver {
  @Query(() => Worker, {
    nullable: true,
    description: 'One contract worker by NIK. An unknown NIK gives null with a NOT_FOUND error.',
  })
  async worker(
    @Arg('nik', { description: "The worker's 16-digit NIK." }) nik: string,
    @Ctx() ctx: WorkforceContext,
  ): Promise<WorkerEntity> {
    const worker = await ctx.loaders.workerByNik.load(requireNik(nik, 'nik'));
    if (!worker) throw notFound('Worker', nik);
    return worker;
  }

  @Query(() => WorkerConnection, { description: 'Contract workers in NIK order, optionally of one unit or category.' })
  async workers(@Args() args: WorkersArgs, @Ctx() ctx: WorkforceContext) {
    const unitCode = args.unitCode == null ? null : (await requireUnit(ctx, args.unitCode, 'unitCode')).code;
    const page = readPageArgs('workers', args);
    return listWorkers(ctx.database, { unitCode, category: args.category ?? null }, page);
  }

  @FieldResolver(() => Unit)
  async unit(@Root() worker: WorkerEntity, @Ctx() ctx: WorkforceContext) {
    return ctx.loaders.unitByCode.load(worker.unitCode);
  }
}
