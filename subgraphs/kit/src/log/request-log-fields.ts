import { currentRequestScope } from '../observability/request-scope/request-scope';
import { activeTraceId } from '../observability/tracing/active-trace';

/**
 * The fields that tie a log line to its request: pino calls this for every line, so code that
 * logs while serving a request need not pass them, and lines from other requests never get them.
 */
export function requestLogFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const scope = currentRequestScope();
  if (scope) fields.requestId = scope.requestId;
  const traceId = activeTraceId();
  if (traceId) fields.traceId = traceId;
  return fields;
}
