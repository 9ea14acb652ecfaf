import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { observeCircuitBreakers } from '../metrics/circuit-breaker-metrics';
import { observeDatabasePool } from '../metrics/database-pool-metrics';
import { metricsRoute } from '../metrics/metrics-route';
import { requestCostMetrics } from '../metrics/request-cost-metrics';
import { requestMetricsPlugin } from '../metrics/request-metrics-plugin';
import { createServiceMetrics } from '../metrics/service-metrics';
import { subgraphFetchMetrics } from '../metrics/subgraph-fetch-metrics';
import { boundedLabel, OVERFLOW_LABEL } from '../metrics/bounded-label';
import { newRequestScope } from '../request-scope/request-scope';

const typeDefs = `type Query { ok: Int, denied: Int, broken: Int }`;
const resolvers = {
  Query: {
    ok: () => 1,
    denied: () => {
      throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    },
    broken: () => {
      throw new Error('bug');
    },
  },
};

/** Stands in for the gateway's decision (its manifest) or a subgraph's (the gateway's token). */
interface Published {
  published?: string;
}
const as = (published: string) => ({ contextValue: { published } });

const apollos: ApolloServer<Published>[] = [];
afterEach(async () => {
  await Promise.all(apollos.splice(0).map((apollo) => apollo.stop()));
});

async function apolloWithMetrics(registry: Registry) {
  const apollo = new ApolloServer<Published>({
    typeDefs,
    resolvers,
    plugins: [requestMetricsPlugin(registry, (context) => (context as Published).published ?? null)],
  });
  await apollo.start();
  apollos.push(apollo);
  return apollo;
}

/** The value of the sample `name` (`x_bucket`, `x_sum`… for histograms) with these labels, if any. */
async function sample(registry: Registry, name: string, labels: Record<string, string> = {}) {
  for (const metric of await registry.getMetricsAsJSON()) {
    for (const value of metric.values) {
      const sampleName = (value as { metricName?: string }).metricName ?? metric.name;
      const matches = Object.entries(labels).every(([label, wanted]) => String(value.labels[label]) === wanted);
      if (sampleName === name && matches) return value.value;
    }
  }
  return undefined;
}

describe('request metrics', () => {
  it('counts requests by operation and outcome, times them, and counts errors by code', async () => {
    const registry = createServiceMetrics('gateway');
    const apollo = await apolloWithMetrics(registry);
    await apollo.executeOperation({ query: 'query Fine { ok }' }, as('Fine'));
    await apollo.executeOperation({ query: 'query Fine { ok }' }, as('Fine'));
    await apollo.executeOperation({ query: 'query Mixed { ok denied }' }, as('Mixed'));
    await apollo.executeOperation({ query: 'query Broken { broken }' }, as('Broken'));
    await apollo.executeOperation({ query: '{ ok }' });
    await apollo.executeOperation({ query: '{ nope' });

    const requests = (operation: string, outcome: string) =>
      sample(registry, 'jembatan_graphql_requests_total', { operation, outcome });
    expect(await requests('Fine', 'success')).toBe(2);
    expect(await requests('Mixed', 'partial')).toBe(1);
    expect(await requests('Broken', 'failure')).toBe(1);
    expect(await requests('(ad hoc)', 'success')).toBe(1);
    expect(await requests('(none)', 'failure')).toBe(1);
    const timed = { operation: 'Fine', outcome: 'success' };
    expect(await sample(registry, 'jembatan_graphql_request_duration_seconds_count', timed)).toBe(2);

    const errors = (code: string) => sample(registry, 'jembatan_graphql_errors_total', { code });
    expect(await errors('FORBIDDEN')).toBe(1);
    expect(await errors('INTERNAL_SERVER_ERROR')).toBe(1);
    expect(await errors('GRAPHQL_PARSE_FAILED')).toBe(1);
  });

  it('labels a name the client chose as (ad hoc), however many there are, and never shows it', async () => {
    const registry = createServiceMetrics('bpjs');
    const apollo = await apolloWithMetrics(registry);
    const names = Array.from({ length: 250 }, (_, index) => `Nik_3174010104930168_Taufik_${index}`);
    for (const name of names) await apollo.executeOperation({ query: `query ${name} { ok }` });
    await apollo.executeOperation({ query: 'query Fine { ok }' }, as('Fine'));
    expect(await sample(registry, 'jembatan_graphql_requests_total', { operation: '(ad hoc)' })).toBe(250);
    expect(await sample(registry, 'jembatan_graphql_requests_total', { operation: 'Fine' })).toBe(1);
    expect(await registry.metrics()).not.toContain('3174010104930168');
  });

  it('keeps two services in one process apart, and one registry may get the plugin twice', async () => {
    const gateway = createServiceMetrics('gateway');
    const bpjs = createServiceMetrics('bpjs');
    await (await apolloWithMetrics(gateway)).executeOperation({ query: 'query A { ok }' }, as('A'));
    await (await apolloWithMetrics(gateway)).executeOperation({ query: 'query A { ok }' }, as('A'));
    expect(await sample(gateway, 'jembatan_graphql_requests_total', { operation: 'A', service: 'gateway' })).toBe(2);
    expect(await sample(bpjs, 'jembatan_graphql_requests_total')).toBeUndefined();
    expect(await sample(bpjs, 'process_cpu_seconds_total', { service: 'bpjs' })).toBeGreaterThanOrEqual(0);
  });
});

describe('boundedLabel', () => {
  it('keeps the first values and pools the rest as (other)', () => {
    const label = boundedLabel(2);
    expect(['A', 'B', 'C', 'A', 'D'].map(label)).toEqual(['A', 'B', OVERFLOW_LABEL, 'A', OVERFLOW_LABEL]);
  });
});

describe('request cost metrics', () => {
  it('observes statements and batches per request, and every batch size', async () => {
    const registry = createServiceMetrics('bpjs');
    const observe = requestCostMetrics(registry);
    const scope = newRequestScope('r');
    scope.statements = 4;
    scope.loaderBatchSizes.push(100, 3, 1);
    observe(scope);
    expect(await sample(registry, 'jembatan_sql_statements_per_request_sum')).toBe(4);
    expect(await sample(registry, 'jembatan_dataloader_batches_per_request_sum')).toBe(3);
    expect(await sample(registry, 'jembatan_dataloader_batch_size_count')).toBe(3);
    expect(await sample(registry, 'jembatan_dataloader_batch_size_bucket', { le: '1' })).toBe(1);
    expect(await sample(registry, 'jembatan_dataloader_batch_size_bucket', { le: '5' })).toBe(2);
    expect(await sample(registry, 'jembatan_dataloader_batch_size_sum')).toBe(104);
  });
});

describe('database pool gauges', () => {
  it("read the pg Pool's counts at scrape time, and 0 once the database is closed", async () => {
    const registry = createServiceMetrics('bpjs');
    const driver: { master?: unknown } = {
      master: { totalCount: 3, idleCount: 1, waitingCount: 2, options: { max: 10 } },
    };
    observeDatabasePool(registry, { driver } as unknown as DataSource);
    const gauge = (name: string) => sample(registry, name);
    expect(await gauge('jembatan_db_pool_connections')).toBe(3);
    expect(await gauge('jembatan_db_pool_busy_connections')).toBe(2);
    expect(await gauge('jembatan_db_pool_idle_connections')).toBe(1);
    expect(await gauge('jembatan_db_pool_waiting_requests')).toBe(2);
    expect(await gauge('jembatan_db_pool_max_connections')).toBe(10);
    driver.master = undefined;
    expect(await gauge('jembatan_db_pool_connections')).toBe(0);
  });
});

describe('gateway view of the subgraphs', () => {
  it('times every subgraph fetch and counts the failed ones by outcome', async () => {
    const registry = createServiceMetrics('gateway');
    const observe = subgraphFetchMetrics(registry);
    observe('bpjs', 0.02, 'ok');
    observe('bpjs', 0.5, 'timeout');
    observe('workforce', 0, 'circuit-open');
    const series = (name: string, subgraph: string, outcome: string) => sample(registry, name, { subgraph, outcome });
    expect(await series('jembatan_subgraph_fetch_duration_seconds_count', 'bpjs', 'ok')).toBe(1);
    expect(await series('jembatan_subgraph_fetch_duration_seconds_sum', 'bpjs', 'timeout')).toBe(0.5);
    expect(await series('jembatan_subgraph_fetch_failures_total', 'bpjs', 'timeout')).toBe(1);
    expect(await series('jembatan_subgraph_fetch_failures_total', 'workforce', 'circuit-open')).toBe(1);
    expect(await series('jembatan_subgraph_fetch_failures_total', 'bpjs', 'ok')).toBeUndefined();
  });

  it('reports each circuit breaker state as it is at scrape time', async () => {
    const registry = createServiceMetrics('gateway');
    let bpjs: 'closed' | 'open' | 'half-open' = 'closed';
    observeCircuitBreakers(registry, () => ({ workforce: 'closed', bpjs }));
    const state = (subgraph: string, value: string) =>
      sample(registry, 'jembatan_subgraph_circuit_state', { subgraph, state: value });
    expect([await state('bpjs', 'closed'), await state('bpjs', 'open')]).toEqual([1, 0]);
    bpjs = 'open';
    expect([await state('bpjs', 'closed'), await state('bpjs', 'open'), await state('bpjs', 'half-open')]).toEqual([
      0, 1, 0,
    ]);
    expect(await state('workforce', 'closed')).toBe(1);
  });
});

describe('metricsRoute', () => {
  it('serves the registry in the Prometheus text format, to GET only', async () => {
    const registry = createServiceMetrics('workforce');
    const route = metricsRoute(registry);
    const server = createServer((request, response) => void route(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(await response.text()).toContain('# TYPE process_cpu_seconds_total counter');
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
