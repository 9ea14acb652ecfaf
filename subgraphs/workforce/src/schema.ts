import { buildFederatedSchema } from '@jembatan/kit';
import type { WorkforceContext } from './context';
import { workforceResolvers } from './resolvers';
import { workforceAccessLog } from './resolvers/access-log.resolver';
import { workforceEventInbox } from './resolvers/event-inbox.resolver';

/** The workforce subgraph schema: Unit and Worker are entities other agencies may extend. */
export function buildWorkforceSchema() {
  return buildFederatedSchema<WorkforceContext>({
    resolvers: [...workforceResolvers, ...workforceAccessLog.resolvers, ...workforceEventInbox.resolvers],
    referenceResolvers: {
      Unit: (reference, ctx) => ctx.loaders.unitByCode.load(String(reference.code)),
      Worker: (reference, ctx) => ctx.loaders.workerByNik.load(String(reference.nik)),
      AccessLog: workforceAccessLog.referenceResolver,
      EventInbox: workforceEventInbox.referenceResolver,
    },
  });
}
