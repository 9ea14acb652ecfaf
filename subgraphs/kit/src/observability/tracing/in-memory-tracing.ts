import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { startServiceSdk } from './service-sdk';

export interface InMemoryTracing {
  /** Spans ended so far, oldest first. */
  finishedSpans(): ReadableSpan[];
  /** Forgets the spans ended so far. */
  reset(): void;
  shutdown(): Promise<void>;
}

/**
 * For tests: the same SDK and instrumentations as startTracing, exporting every span to memory
 * as soon as it ends. Like startTracing it must run before `pg`, `http` and the Apollo packages
 * are first required: in a test, start it first and import the services afterwards
 * (`await import(...)`). One per process: OpenTelemetry's global tracer provider is set once.
 */
export function startInMemoryTracing(serviceName = 'jembatan-test'): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const sdk = startServiceSdk({
    serviceName,
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
    autoDetectResources: false,
  });
  return {
    finishedSpans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    shutdown: () => sdk.shutdown(),
  };
}
