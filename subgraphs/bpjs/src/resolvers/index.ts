import { bpjsAccessLog } from './access-log.resolver';
import { ClaimResolver } from './claim.resolver';
import { ClaimWriteResolver } from './claim-write.resolver';
import { EnrolmentResolver } from './enrolment.resolver';
import { EmployerResolver } from './employer.resolver';
import { bpjsEventInbox } from './event-inbox.resolver';
import { UnitReferenceResolver, WorkerReferenceResolver } from './extensions.resolver';
import { ParticipantResolver } from './participant.resolver';
import { StatisticsResolver } from './statistics.resolver';

export const bpjsResolvers = [
  ParticipantResolver,
  ClaimResolver,
  EmployerResolver,
  StatisticsResolver,
  EnrolmentResolver,
  ClaimWriteResolver,
  WorkerReferenceResolver,
  UnitReferenceResolver,
  ...bpjsAccessLog.resolvers,
  ...bpjsEventInbox.resolvers,
] as const;

export { bpjsAccessLog, bpjsEventInbox };
