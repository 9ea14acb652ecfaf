import type { InternalListener } from '../server/internal-listener';

/**
 * How far above its public port a service's metrics port is by default in production: 4000 →
 * 9000 (gateway), 4001 → 9001 (workforce), 4002 → 9002 (bpjs), so services sharing a host never
 * collide.
 */
export const METRICS_PORT_OFFSET = 5_000;

/** Where metrics listen by default: this host only. In a pod, set METRICS_HOST=0.0.0.0 for the scraper. */
export const DEFAULT_METRICS_HOST = '127.0.0.1';

export interface MetricsListenerValues {
  production: boolean;
  servicePort: number;
  /** `<PREFIX>_METRICS_PORT`, when set. */
  metricsPort: number | undefined;
  metricsHost: string | undefined;
}

/**
 * Where `/metrics` is served: on its own listener (undefined means on the public port with
 * GraphQL). Production keeps it off the public port unless told otherwise; a metrics port equal
 * to the service's port puts it back there.
 */
export function metricsListenerOf(values: MetricsListenerValues, variable: string): InternalListener | undefined {
  const host = values.metricsHost ?? DEFAULT_METRICS_HOST;
  if (values.metricsPort !== undefined) {
    return values.metricsPort === values.servicePort && values.servicePort !== 0
      ? undefined
      : { host, port: values.metricsPort };
  }
  if (!values.production) return undefined;
  if (values.servicePort === 0) return { host, port: 0 };
  const port = values.servicePort + METRICS_PORT_OFFSET;
  if (port > 65_535) throw new Error(`${variable}: set it, the default (port + ${METRICS_PORT_OFFSET}) is past 65535`);
  return { host, port };
}
