import type { RequestContext } from '@jembatan/kit';
import type { BpjsContext } from './context';

/**
 * BPJS files enrolments and claims under the KPJ, so a person known by NIK is `kpj:…` here too:
 * what both the audit trail's subject lookups and `accessLog` reach. It goes through the request's
 * participant loader, so a page that already joined the worker to BPJS costs no further SQL.
 */
export async function identifiersOfNik(nik: string, context: RequestContext<unknown>): Promise<string[]> {
  const participant = await (context as BpjsContext).loaders.participantByNik.load(nik);
  return participant ? [`kpj:${participant.kpj}`] : [];
}
