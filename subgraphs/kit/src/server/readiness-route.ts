import type { ServerResponse } from 'node:http';
import type { RouteHandler } from './route-handler';
import { checkReadiness, sharingRunInFlight, type ReadinessCheck, type ReadinessReport } from './readiness-check';

export interface ReadinessRouteOptions {
  /** True once the service has begun shutting down: it answers 503 `draining` from then on. */
  isDraining?: () => boolean;
}

/**
 * Readiness: 200 `{ status: 'ready', checks }` when every check passes, else 503 with each
 * check's outcome and reason, so an operator reads which dependency is missing. A load balancer
 * sends traffic only while this is 200; liveness (`/health`) stays separate, so an orchestrator
 * never restarts a process whose database is merely unreachable.
 */
export function readinessRoute(checks: readonly ReadinessCheck[], options: ReadinessRouteOptions = {}): RouteHandler {
  const shared = checks.map(sharingRunInFlight);
  const draining = options.isDraining ?? (() => false);
  return async (_request, response) => {
    if (draining()) return send(response, { status: 'draining', checks: {} });
    const report = await checkReadiness(shared);
    // Shutdown may have begun while the checks ran; the later answer wins.
    send(response, draining() ? { ...report, status: 'draining' } : report);
  };
}

function send(response: ServerResponse, report: ReadinessReport): void {
  response.writeHead(report.status === 'ready' ? 200 : 503, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(report));
}
