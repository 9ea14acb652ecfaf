import { createEventInboxSchema } from '@jembatan/kit';

/** Pemprov DKI's part of `eventInbox`: the events from BPJS its rules refused. */
export const workforceEventInbox = createEventInboxSchema({ agencyField: 'workforce', agency: 'Pemprov DKI' });
