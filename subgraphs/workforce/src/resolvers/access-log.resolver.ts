import { createAccessLogSchema } from '@jembatan/kit';

/** Pemprov DKI's part of `accessLog`: the records of its own audit trail. */
export const workforceAccessLog = createAccessLogSchema({ agencyField: 'workforce', agency: 'Pemprov DKI' });
