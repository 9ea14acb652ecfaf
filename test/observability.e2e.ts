import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ID_SPAN_ATTRIBUTE, SpanKind, type ReadableSpan } from '@jembatan/kit/tracing';
import { startInMemoryTracing } from '@jembatan/kit/tracing/in-memory';
import { generateWorld } from '@jembatan/seed-world';
import type { RunningSupergraph } from './harness';

// Instrumentation patches `pg` and the HTTP clients as they are first required, so tracing starts
// before anything loads them: this file imports only the tracing entry statically, and the
// services (through the harness) once tracing is on.
const tracing = startInMemoryTracing();

const world = generateWorld('demo');
const participant = world.participants.find(
  (p) => p.nik.startsWith('31') && world.workers.some((w) => w.nik === p.nik),
)!;
const worker = world.workers.find((w) => w.nik === participant.nik)!;
/** Values that must never appear in a log line. */
const PERSONAL = [worker.nik, worker.name, String(worker.monthlyWage), participant.kpj, participant.name];

const WORKER_WITH_BPJS = `query WorkerWithBpjs($nik: String!) {
  worker(nik: $nik) { nik name monthlyWage bpjs { kpj enrollments { program } } }
}`;

let harness: typeof import('./harness');
let supergraph: RunningSupergraph;
const logLines: string[] = [];

beforeAll(async () => {
  harness = await import('./harness/index.js');
  const { createLogger } = await import('@jembatan/kit');
  supergraph = await harness.startSupergraph({ logger: createLogger('e2e', (line) => logLines.push(line)) });
});
afterAll(async () => {
  await supergraph?.stop();
  await tracing.shutdown();
});

const portOf = (span: ReadableSpan) => span.attributes['server.port'];
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

/** The spans of one trace, and a way to walk from a span up to its root. */
function traceOf(traceId: string) {
  const spans = tracing.finishedSpans().filter((span) => span.spanContext().traceId === traceId);
  const byId = new Map(spans.map((span) => [idOf(span), span]));
  const ancestorsOf = (span: ReadableSpan): ReadableSpan[] => {
    const parent = span.parentSpanContext && byId.get(span.parentSpanContext.spanId);
    return parent ? [parent, ...ancestorsOf(parent)] : [];
  };
  const chainOf = (span: ReadableSpan) =>
    [span, ...ancestorsOf(span)].map((s) => `${SpanKind[s.kind]} ${s.name} :${portOf(s) ?? ''}`).join(' ← ');
  return { spans, ancestorsOf, chainOf };
}

/** Waits until the server span of the request with this id has ended (it ends as the answer is sent). */
async function serverSpanOf(requestId: string, port: number): Promise<ReadableSpan> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const span = tracing
      .finishedSpans()
      .find(
        (s) =>
          s.kind === SpanKind.SERVER && s.attributes[REQUEST_ID_SPAN_ATTRIBUTE] === requestId && portOf(s) === port,
      );
    if (span) return span;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no server span on port ${port} for request ${requestId}`);
}

describe('one trace from the gateway down to SQL', () => {
  it('links gateway server span → client span to bpjs → bpjs server span → pg query span', async () => {
    const requestId = 'observability-trace-1';
    const { body } = await supergraph.query(
      WORKER_WITH_BPJS,
      { nik: worker.nik },
      { purpose: 'HR_ADMINISTRATION', headers: { 'x-request-id': requestId } },
    );
    expect(body.errors).toBeUndefined();

    const gatewayServer = await serverSpanOf(requestId, supergraph.gateway.port);
    const bpjsServer = await serverSpanOf(requestId, supergraph.bpjs.port);
    const traceId = gatewayServer.spanContext().traceId;
    const trace = traceOf(traceId);
    expect(bpjsServer.spanContext().traceId, 'bpjs continues the trace the gateway started').toBe(traceId);

    // The bpjs server span's parent is the gateway's outgoing request to bpjs…
    const client = trace.spans.find((span) => idOf(span) === bpjsServer.parentSpanContext?.spanId);
    expect(client, trace.chainOf(bpjsServer)).toBeDefined();
    expect(client!.kind).toBe(SpanKind.CLIENT);
    expect(portOf(client!)).toBe(supergraph.bpjs.port);
    // …made while serving the client's request (Apollo's own gateway spans may sit in between).
    expect(trace.ancestorsOf(client!), trace.chainOf(client!)).toContain(gatewayServer);
    // The gateway itself continued the W3C context of its caller: this test's own fetch.
    const caller = trace.spans.find((span) => idOf(span) === gatewayServer.parentSpanContext?.spanId);
    expect(caller?.kind).toBe(SpanKind.CLIENT);
    expect(portOf(caller!)).toBe(supergraph.gateway.port);

    // And bpjs's SQL ran inside its server span, in the same trace.
    const sql = trace.spans.filter(
      (span) =>
        span.instrumentationScope.name === '@opentelemetry/instrumentation-pg' &&
        span.kind === SpanKind.CLIENT &&
        trace.ancestorsOf(span).includes(bpjsServer),
    );
    expect(sql.length, trace.spans.map((span) => trace.chainOf(span)).join('\n')).toBeGreaterThan(0);
    expect(sql[0]!.parentSpanContext?.spanId).toBe(idOf(bpjsServer));

    // The workforce leg of the same query is in the same trace too.
    const workforceServer = await serverSpanOf(requestId, supergraph.workforce.port);
    expect(workforceServer.spanContext().traceId).toBe(traceId);

    // No span records the NIK the query asked for (variables, SQL parameters).
    for (const span of tracing.finishedSpans()) expect(JSON.stringify(span.attributes)).not.toContain(worker.nik);
  });

  it("writes the trace id on the request's log lines in every service", async () => {
    const requestId = 'observability-trace-2';
    const start = logLines.length;
    await supergraph.query(
      WORKER_WITH_BPJS,
      { nik: worker.nik },
      { purpose: 'HR_ADMINISTRATION', headers: { 'x-request-id': requestId } },
    );
    const gatewayServer = await serverSpanOf(requestId, supergraph.gateway.port);
    await serverSpanOf(requestId, supergraph.bpjs.port);
    const requestLines = logLines
      .slice(start)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'graphql request');
    // One line at the gateway, one at each subgraph; the client's name for an ad-hoc query stays out.
    expect(requestLines.map((line) => line.operation)).toEqual(['(ad hoc)', '(ad hoc)', '(ad hoc)']);
    for (const line of requestLines) {
      expect(line).toMatchObject({ requestId, traceId: gatewayServer.spanContext().traceId, outcome: 'success' });
    }
  });
});

describe('metrics on every service', () => {
  const scrape = async (service: 'gateway' | 'workforce' | 'bpjs') => {
    const response = await fetch(new URL('/metrics', supergraph[service].url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return response.text();
  };
  const value = (text: string, pattern: RegExp) => {
    const match = text.split('\n').find((line) => pattern.test(line));
    return match === undefined ? undefined : Number(match.split(' ').pop());
  };

  it('count requests, errors, SQL statements, DataLoader batches and the database pool', async () => {
    await supergraph.query(harness.publishedBody('WorkerEnrolment'), { nik: worker.nik });
    await supergraph.query(WORKER_WITH_BPJS, { nik: worker.nik }, { purpose: 'HR_ADMINISTRATION' });
    await supergraph.query('query Missing { unit(code: "DINAS-TIDAK-ADA") { name } }');
    const [gateway, workforce, bpjs] = await Promise.all([scrape('gateway'), scrape('workforce'), scrape('bpjs')]);

    expect(
      value(gateway, /^jembatan_graphql_requests_total\{.*operation="WorkerEnrolment".*outcome="success"/),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(gateway, /^jembatan_graphql_requests_total\{.*operation="\(ad hoc\)".*outcome="failure"/),
    ).toBeGreaterThanOrEqual(1);
    expect(value(gateway, /^jembatan_graphql_errors_total\{.*code="NOT_FOUND"/)).toBeGreaterThanOrEqual(1);
    expect(gateway).toMatch(/^jembatan_graphql_request_duration_seconds_bucket\{.*service="gateway"/m);

    for (const subgraph of [workforce, bpjs]) {
      expect(value(subgraph, /^jembatan_sql_statements_per_request_sum/)).toBeGreaterThan(0);
      expect(value(subgraph, /^jembatan_dataloader_batch_size_count/)).toBeGreaterThan(0);
      expect(value(subgraph, /^jembatan_db_pool_connections\{/)).toBeGreaterThan(0);
      expect(value(subgraph, /^jembatan_db_pool_max_connections\{/)).toBeGreaterThan(0);
      expect(subgraph).toMatch(/^jembatan_db_pool_waiting_requests\{/m);
    }
    // The subgraphs know a request's operation from the gateway's token: published, or ad hoc.
    expect(bpjs).toMatch(/^jembatan_graphql_requests_total\{.*operation="WorkerEnrolment".*service="bpjs"/m);
    expect(bpjs).toMatch(/^jembatan_graphql_requests_total\{.*operation="\(ad hoc\)".*service="bpjs"/m);
    for (const scraped of [gateway, workforce, bpjs]) {
      expect(scraped).not.toMatch(/WorkerWithBpjs|Missing|__bpjs__|__workforce__/);
    }
  });

  it('label a client-chosen name (a NIK, say) as ad hoc, and an ad-hoc query named like a published one too', async () => {
    const published = /^jembatan_graphql_requests_total\{.*operation="WorkerEnrolment".*outcome="success"/;
    const before = value(await scrape('gateway'), published) ?? 0;
    const named = `query Nik_${worker.nik}_Taufik { workforceStatistics { workerCount } }`;
    const impostor = 'query WorkerEnrolment { workforceStatistics { unitCount } }';
    for (const query of [named, impostor]) expect((await supergraph.query(query)).body.errors).toBeUndefined();
    const scraped = await Promise.all([scrape('gateway'), scrape('workforce'), scrape('bpjs')]);
    for (const text of scraped) expect(text).not.toContain(worker.nik);
    expect(value(scraped[0]!, published) ?? 0).toBe(before);
  });
});

describe('logs', () => {
  it('carry the request and trace id on every request-scoped line, and never a NIK, name or wage', async () => {
    const start = logLines.length;
    const nik = worker.nik;
    // Personal data read the ordinary way, with variables and with literals in the query text.
    await supergraph.query(WORKER_WITH_BPJS, { nik }, { purpose: 'HR_ADMINISTRATION' });
    await supergraph.query(
      `{ worker(nik: "${nik}") { name monthlyWage } participant(kpj: "${participant.kpj}") { name } }`,
    );
    await supergraph.query(harness.savedOperation('UnitStaffWithBpjs'), { code: worker.unitCode, first: 5 });
    // Error cases: not allowed to see it, invalid and unknown NIKs, unparsable queries, no token.
    await supergraph.query(`{ worker(nik: "${nik}") { name monthlyWage } }`, undefined, {
      as: harness.callerWith('bpjs_officer'),
      purpose: 'CLAIM_VERIFICATION',
    });
    await supergraph.query(WORKER_WITH_BPJS, { nik: nik.slice(0, 15) });
    await supergraph.query(WORKER_WITH_BPJS, { nik: `${nik.slice(0, 12)}9999` });
    await supergraph.query(`{ worker(nik: "${nik}") { name `);
    await supergraph.query(`{ worker(nik: "${nik}") { name } }`, undefined, { as: null });
    await supergraph.query(`{ worker(nik: "${nik}") { name } }`, undefined, {
      as: null,
      headers: { authorization: `Bearer ${nik}` },
    });

    const lines = logLines.slice(start);
    expect(lines.filter((line) => line.includes('"graphql request"')).length).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      for (const value of PERSONAL) expect(line, 'a log line carries personal data').not.toContain(value);
      // Everything logged after startup is logged while serving some request.
      expect(JSON.parse(line), line).toMatchObject({ requestId: expect.any(String), traceId: expect.any(String) });
    }
    const refused = lines.map((line) => JSON.parse(line)).filter((line) => line.level === 'warn');
    expect(refused.length, 'the refused tokens were logged (as warnings, with their request id)').toBeGreaterThan(0);
  });
});
