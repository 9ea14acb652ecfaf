/**
 * The event inbox's part of every agency's access policy, granted the same way everywhere: an
 * auditor reviewing the agencies' exchange (AUDIT) sees what each parked. Parked events show no
 * payload and no subject, so they are not personal reads.
 */
export const EVENT_INBOX_GROUPS = {
  parkedEvents: ['Query.eventInbox', 'EventInbox.*', 'ParkedEvent.*'],
} as const;

export const AUDITOR_INBOX_GRANTS = ['parkedEvents'] as const;
