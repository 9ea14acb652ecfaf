import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Registry } from 'prom-client';
import type { Logger } from '../log';
import type { RouteHandler } from '../server/http-service';
import type { PublishedOperationOf } from './request-result';
import { requestLogPlugin } from './logging/request-log-plugin';
import { metricsRoute } from './metrics/metrics-route';
import { requestMetricsPlugin } from './metrics/request-metrics-plugin';
import type { RequestScope } from './request-scope/request-scope';
import { withRequestScope } from './request-scope/with-request-scope';

/** What a service wires in to be observable: its registry, Apollo plugins, and HTTP pieces. */
export interface ServiceObservability {
  /** This service instance's own metrics registry. */
  readonly registry: Registry;
  /** Request metrics and the one-line-per-request log; add to the ApolloServer's plugins. */
  readonly plugins: ApolloServerPlugin<BaseContext>[];
  /** Wraps the GraphQL route so each request runs in its own scope (request id, per-request costs). */
  scopeRequests(handler: RouteHandler): RouteHandler;
  /** Extra routes: `/metrics`. */
  readonly routes: Record<string, RouteHandler>;
}

export interface ServiceObservabilityOptions {
  /** The service instance's registry, from createServiceMetrics. */
  registry: Registry;
  logger: Logger;
  /** Which published operation a request ran: its only name in metrics and logs. */
  publishedOperationOf: PublishedOperationOf;
  /** Called as each request ends, with what it cost (subgraphs report their database work). */
  onRequestEnd?: (scope: RequestScope) => void;
}

/** Metrics, request scope and request logging as every service (gateway or subgraph) has them. */
export function createServiceObservability(options: ServiceObservabilityOptions): ServiceObservability {
  const { registry } = options;
  return {
    registry,
    plugins: [
      requestMetricsPlugin(registry, options.publishedOperationOf),
      requestLogPlugin(options.logger, options.publishedOperationOf),
    ],
    scopeRequests: (handler) => withRequestScope(handler, { onFinish: options.onRequestEnd }),
    routes: { '/metrics': metricsRoute(registry) },
  };
}
