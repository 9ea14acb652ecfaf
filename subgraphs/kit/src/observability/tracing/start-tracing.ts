import { tracingRequested } from './tracing-requested';

export interface Tracing {
  readonly enabled: boolean;
  /** Exports the spans still buffered and stops tracing; call on shutdown, before the process exits. */
  shutdown(): Promise<void>;
}

const TRACING_OFF: Tracing = { enabled: false, shutdown: async () => {} };

/**
 * Starts OpenTelemetry tracing for one service process when the standard `OTEL_*` variables ask
 * for it (see tracingRequested), and does nothing otherwise. Instrumentation works by patching
 * modules as they are first required, so this must run before anything loads `pg`, `http` or the
 * Apollo packages: from a module imported first by the service's `main.ts`.
 *
 * The exporter, its endpoint, headers and protocol, the sampler, propagators and resource
 * attributes are the OpenTelemetry SDK's own reading of `OTEL_*` in `process.env`;
 * `OTEL_SERVICE_NAME` overrides `serviceName`.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv): Tracing {
  if (!tracingRequested(env)) return TRACING_OFF;
  // Required only when tracing is on: the SDK and its exporters take a quarter of a second to
  // load, which a service that does not trace should not pay at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServiceSdk } = require('./service-sdk') as typeof import('./service-sdk');
  const sdk = startServiceSdk({ serviceName: env.OTEL_SERVICE_NAME?.trim() || serviceName });
  return { enabled: true, shutdown: () => sdk.shutdown() };
}
