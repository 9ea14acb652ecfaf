import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { forbidden, isMasked } from '@jembatan/kit';
import type { BpjsContext } from '../context';
import { Participant, UnitCoverage, UnitReference, WorkerReference } from '../types';

@Resolver(() => WorkerReference)
export class WorkerReferenceResolver {
  @FieldResolver(() => Participant, { nullable: true })
  bpjs(@Root() worker: WorkerReference, @Ctx() ctx: BpjsContext) {
    // Pemprov DKI masked the NIK: this caller may know the worker exists, not who, so no join.
    if (isMasked(worker.nik)) throw forbidden('Worker.bpjs');
    return ctx.loaders.participantByNik.load(worker.nik);
  }
}

@Resolver(() => UnitReference)
export class UnitReferenceResolver {
  @FieldResolver(() => UnitCoverage, { nullable: true })
  bpjsCoverage(@Root() unit: UnitReference, @Ctx() ctx: BpjsContext) {
    return ctx.loaders.coverageOf.load(unit.code);
  }
}
