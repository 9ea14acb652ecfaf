import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BpjsContext } from '../context';
import { Participant, UnitCoverage, UnitReference, WorkerReference } from '../types';

@Resolver(() => WorkerReference)
export class WorkerReferenceResolver {
  @FieldResolver(() => Participant, { nullable: true })
  bpjs(@Root() worker: WorkerReference, @Ctx() ctx: BpjsContext) {
    return ctx.loaders.participantByNik.load(worker.nik);
  }
}

@Resolver(() => UnitReference)
export class UnitReferenceResolver {
  @FieldResolver(() => UnitCoverage)
  bpjsCoverage(@Root() unit: UnitReference, @Ctx() ctx: BpjsContext) {
    return ctx.loaders.coverageOf.load(unit.code);
  }
}
