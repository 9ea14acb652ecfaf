import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A fresh metrics registry for one service instance, never prom-client's global one: tests run
 * the gateway and both subgraphs in one process, and each must report only its own numbers.
 * Every series carries `service`, and the registry starts with Node's process metrics (CPU,
 * memory, event-loop lag, GC) under their standard names.
 */
export function createServiceMetrics(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
