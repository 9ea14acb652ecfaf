import { createAccessLogSchema } from '@jembatan/kit';
import { identifiersOfNik } from '../identifiers-of-nik';

/**
 * BPJS Ketenagakerjaan's part of `accessLog`: the records of its own audit trail. BPJS records
 * claims and enrolments under the KPJ, so a person's records are found by their KPJ as well.
 */
export const bpjsAccessLog = createAccessLogSchema({
  agencyField: 'bpjs',
  agency: 'BPJS Ketenagakerjaan',
  identifiersOfNik,
});
