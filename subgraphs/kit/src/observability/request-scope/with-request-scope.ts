import type { IncomingMessage, ServerResponse } from 'node:http';
import { trace } from '@opentelemetry/api';
import { requestIdOf } from '../../context/request-id';
import { REQUEST_ID_SPAN_ATTRIBUTE } from './request-id-attribute';
import { newRequestScope, runInRequestScope, type RequestScope } from './request-scope';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface RequestScopeOptions {
  /** Called once the handler has finished, with what the request cost (for per-request metrics). */
  onFinish?: (scope: RequestScope) => void;
}

/**
 * Serves each request inside its own RequestScope. The request id is decided here, once, at the
 * edge of the service, and written back into the request's `x-request-id` header so that code
 * reading it later (the GraphQL context, the gateway's fetches to the subgraphs) sees the same
 * id that every log line of the request carries.
 */
export function withRequestScope(handler: Handler, options: RequestScopeOptions = {}): Handler {
  return async (request, response) => {
    const requestId = requestIdOf(request);
    request.headers['x-request-id'] = requestId;
    trace.getActiveSpan()?.setAttribute(REQUEST_ID_SPAN_ATTRIBUTE, requestId);
    const scope = newRequestScope(requestId);
    try {
      await runInRequestScope(scope, () => handler(request, response));
    } finally {
      options.onFinish?.(scope);
    }
  };
}
