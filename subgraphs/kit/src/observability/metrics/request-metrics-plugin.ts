import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';
import { requestResultOf, type PublishedOperationOf } from '../request-result';
import { boundedLabel } from './bounded-label';
import { registeredMetric } from './registered-metric';

/** Distinct label values reported before the rest are pooled as `(other)`: a bound should a label ever grow. */
const LABEL_LIMIT = 200;

function requestMetrics(registry: Registry) {
  return {
    requests: registeredMetric(
      registry,
      'jembatan_graphql_requests_total',
      () =>
        new Counter({
          name: 'jembatan_graphql_requests_total',
          help: 'GraphQL requests answered, by operation name and outcome (success, partial, failure)',
          labelNames: ['operation', 'outcome'] as const,
          registers: [registry],
        }),
    ),
    duration: registeredMetric(
      registry,
      'jembatan_graphql_request_duration_seconds',
      () =>
        new Histogram({
          name: 'jembatan_graphql_request_duration_seconds',
          help: 'Time from receiving a GraphQL request to sending its answer, by operation name and outcome',
          labelNames: ['operation', 'outcome'] as const,
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers: [registry],
        }),
    ),
    errors: registeredMetric(
      registry,
      'jembatan_graphql_errors_total',
      () =>
        new Counter({
          name: 'jembatan_graphql_errors_total',
          help: 'Errors sent to clients, by extensions.code',
          labelNames: ['code'] as const,
          registers: [registry],
        }),
    ),
  };
}

/**
 * Counts and times every GraphQL request Apollo answers, labelled by published operation (every
 * other request is `(ad hoc)`, so the label set is the manifest's and bounded), and counts its errors by code. Requests
 * refused before Apollo runs (no valid token, rate limit, oversized body) are not GraphQL requests
 * and are not counted here.
 */
export function requestMetricsPlugin(
  registry: Registry,
  publishedOperationOf: PublishedOperationOf,
): ApolloServerPlugin<BaseContext> {
  const metrics = requestMetrics(registry);
  const operationLabel = boundedLabel(LABEL_LIMIT);
  const codeLabel = boundedLabel(LABEL_LIMIT);
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const { operation, outcome, errorCodes } = requestResultOf(requestContext, publishedOperationOf);
          const labels = { operation: operationLabel(operation), outcome };
          metrics.requests.inc(labels);
          metrics.duration.observe(labels, seconds);
          for (const code of errorCodes) metrics.errors.inc({ code: codeLabel(code) });
        },
      };
    },
  };
}
