import type { IncomingMessage } from 'node:http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** Routes polled by machines (liveness probes, Prometheus): a trace per poll would drown the real ones. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

/**
 * GraphQL over GET carries the operation in the URL: its query text (literals may be a NIK) and
 * variables must not become a span's `url.query`.
 */
const PERSONAL_QUERY_PARAMETERS = ['query', 'variables', 'extensions'];

function isUntraced(request: IncomingMessage): boolean {
  return UNTRACED_PATHS.has(new URL(request.url ?? '/', 'http://localhost').pathname);
}

/**
 * What every service traces: HTTP in (server spans, continuing the caller's W3C trace context)
 * and out (client spans, injecting `traceparent` into the gateway's fetches to the subgraphs,
 * whether they go through node:http or undici/fetch), and every PostgreSQL statement through pg.
 * SQL spans carry the statement text, which is always parameterised here, and never its
 * parameter values (`enhancedDatabaseReporting` stays off): those are NIKs and KPJs.
 */
export function serviceInstrumentations() {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: isUntraced,
      redactedQueryParams: PERSONAL_QUERY_PARAMETERS,
      redactedQueryParamsServer: PERSONAL_QUERY_PARAMETERS,
    }),
    new UndiciInstrumentation(),
    // Statements outside any request (migrations, seeding at startup) would each start a trace.
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
  ];
}
