import { buildFederatedSchema } from '@jembatan/kit';
import type { BpjsContext } from './context';
import { bpjsAccessLog, bpjsEventInbox, bpjsResolvers } from './resolvers';
import { UnitReference, WorkerReference } from './types';

/** The BPJS subgraph schema: owns Participant, Claim and Employer, extends Pemprov DKI's Worker and Unit. */
export function buildBpjsSchema() {
  return buildFederatedSchema<BpjsContext>({
    resolvers: bpjsResolvers,
    orphanedTypes: [WorkerReference, UnitReference],
    referenceResolvers: {
      Participant: (reference, ctx) => ctx.loaders.participantByKpj.load(String(reference.kpj)),
      Claim: (reference, ctx) => ctx.loaders.claimById.load(String(reference.id)),
      Employer: (reference, ctx) => ctx.loaders.employerByNpp.load(String(reference.npp)),
      // Owned by Pemprov DKI: the key is all BPJS needs; its own fields load from it.
      Worker: (reference) => ({ nik: String(reference.nik) }),
      Unit: (reference) => ({ code: String(reference.code) }),
      AccessLog: bpjsAccessLog.referenceResolver,
      EventInbox: bpjsEventInbox.referenceResolver,
    },
  });
}
