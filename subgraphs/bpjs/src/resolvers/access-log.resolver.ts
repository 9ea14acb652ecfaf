import { createAccessLogSchema } from '@jembatan/kit';
import type { BpjsContext } from '../context';

/**
 * BPJS Ketenagakerjaan's part of `accessLog`: the records of its own audit trail. BPJS records
 * claims and enrolments under the KPJ, so a person's records are found by their KPJ as well.
 */
export const bpjsAccessLog = createAccessLogSchema({
  agencyField: 'bpjs',
  agency: 'BPJS Ketenagakerjaan',
  identifiersOfNik: async (nik, context) => {
    const participant = await (context as BpjsContext).loaders.participantByNik.load(nik);
    return participant ? [`kpj:${participant.kpj}`] : [];
  },
});
