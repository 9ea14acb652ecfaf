/** One durable stream per producing agency, one subject per event type. */
export const streamOf = (source: string): string => `JEMBATAN_EVENTS_${source.toUpperCase().replaceAll('-', '_')}`;
export const subjectsOf = (source: string): string => `jembatan.events.${source}.>`;
export const subjectOf = (source: string, type: string): string => `jembatan.events.${source}.${type}`;
/** One durable consumer per consuming agency on each stream it reads: its replicas share it. */
export const durableOf = (consumer: string): string => `jembatan-${consumer}`;
