import { startTracing } from '@jembatan/kit/tracing';

/** Imported first by main.ts: instrumentation patches pg, http and undici as they are first required. */
export const tracing = startTracing('gateway', process.env);
