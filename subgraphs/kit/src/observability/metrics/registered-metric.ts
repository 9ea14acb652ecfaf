import type { Metric, Registry } from 'prom-client';

/**
 * The metric `name` of this registry, created on first use. Collectors may then be set up more
 * than once on one registry (two plugins, a restarted server) without prom-client refusing the
 * second registration.
 */
export function registeredMetric<M extends Metric>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}
