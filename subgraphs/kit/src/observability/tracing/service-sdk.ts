import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { serviceInstrumentations } from './instrumentations';

export interface ServiceSdkOptions {
  serviceName: string;
  /** Where spans go; by default the exporter the `OTEL_*` variables name (OTLP unless told otherwise). */
  spanProcessors?: SpanProcessor[];
  /** Read host and process attributes into the resource (and `OTEL_RESOURCE_ATTRIBUTES`); on by default. */
  autoDetectResources?: boolean;
}

/**
 * Starts the OpenTelemetry SDK for one process with our instrumentations, for traces only:
 * metrics are Prometheus' (`/metrics`) and logs go to stdout, so the SDK's own metric and log
 * pipelines (which would otherwise default to OTLP) are left empty.
 */
export function startServiceSdk(options: ServiceSdkOptions): NodeSDK {
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    instrumentations: serviceInstrumentations(),
    spanProcessors: options.spanProcessors,
    autoDetectResources: options.autoDetectResources,
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return sdk;
}
