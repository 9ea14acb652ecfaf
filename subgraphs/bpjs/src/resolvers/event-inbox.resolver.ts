import { createEventInboxSchema } from '@jembatan/kit';

/** BPJS Ketenagakerjaan's part of `eventInbox`: the events from Pemprov DKI its rules refused. */
export const bpjsEventInbox = createEventInboxSchema({ agencyField: 'bpjs', agency: 'BPJS Ketenagakerjaan' });
