import { ClaimResolver } from './claim.resolver';
import { UnitReferenceResolver, WorkerReferenceResolver } from './extensions.resolver';
import { ParticipantResolver } from './participant.resolver';
import { StatisticsResolver } from './statistics.resolver';

export const bpjsResolvers = [
  ParticipantResolver,
  ClaimResolver,
  StatisticsResolver,
  WorkerReferenceResolver,
  UnitReferenceResolver,
] as const;
