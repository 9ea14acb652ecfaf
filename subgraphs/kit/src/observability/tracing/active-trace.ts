import { isSpanContextValid, trace } from '@opentelemetry/api';

/** The trace id of the span current in this async context, when tracing is on and one is recording. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
