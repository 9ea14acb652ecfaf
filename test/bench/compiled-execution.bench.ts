import 'reflect-metadata';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createGatewayTokenSigner, GATEWAY_TOKEN_HEADER, type SignedOperation } from '@jembatan/kit';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph, type RunningSupergraph } from '../harness/supergraph';
import type { TestEngine } from '../harness/engine';
import { cpuMsPerCall, median } from './measure';
import { heavyPageForwarding, largestUnitCode } from './reference-queries';

/**
 * What compiling operations (GRAPHQL_EXECUTION=compiled, graphql-jit) buys the subgraphs against
 * graphql-js running them field by field: the two fetches of the heavy HR page
 * (`UnitStaffWithBpjs`, 100 workers, as dki_hr for HR_ADMINISTRATION), sent straight to each
 * subgraph as the gateway's plan sends them. Both executors run in this process, on the same
 * databases, in alternating rounds, so machine noise falls on both; CPU time of this process (the
 * subgraphs and the client; on PostgreSQL the database's work is elsewhere) per request.
 *
 *   pnpm bench:executor [--engine postgres|pglite] [--rounds 4] [--runs 150]
 */
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    rounds: { type: 'string', default: '4' },
    runs: { type: 'string', default: '150' },
  },
  strict: true,
});
const ROUNDS = Number(values.rounds);
const RUNS = Number(values.runs);
const EXECUTIONS = ['graphql-js', 'compiled'] as const;
type Execution = (typeof EXECUTIONS)[number];

/** The workforce half of the heavy page, as the gateway's plan asks for it. */
const WORKFORCE_PAGE = `query UnitStaffWithBpjs__workforce__0($code: ID!, $first: Int, $after: String) {
  unit(code: $code) { code name kind regionCode headcount
    workers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { nik name category contractStart monthlyWage __typename } } } } }`;
/** The BPJS half: its view of the same 100 workers, claims withheld from dki_hr. */
const BPJS_ENTITIES = `query UnitStaffWithBpjs__bpjs__1($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Worker { bpjs { kpj segment
    enrollments { program since until } claims { id program filedOn status amount } } } } }`;

async function main() {
  console.log(`loading demo on ${values.engine}…`);
  const databases = await seedPresetDatabases('demo', values.engine as TestEngine);
  const supergraphs = {} as Record<Execution, RunningSupergraph>;
  try {
    for (const execution of EXECUTIONS) {
      supergraphs[execution] = await serveSupergraph(databases, { production: true, execution });
    }
    const code = await largestUnitCode(supergraphs.compiled);
    const fetches = {
      workforce: { query: WORKFORCE_PAGE, variables: { code, first: 100 } },
      bpjs: { query: BPJS_ENTITIES, variables: { representations: [] as { __typename: string; nik: string }[] } },
    };

    const send = async (execution: Execution, subgraph: 'workforce' | 'bpjs', token: string) => {
      const response = await fetch(supergraphs[execution][subgraph].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
        body: JSON.stringify(fetches[subgraph]),
      });
      return (await response.json()) as {
        data?: { unit?: { workers: { edges: { node: { nik: string } }[] } } };
        errors?: { extensions?: { code?: string } }[];
      };
    };
    const signers = Object.fromEntries(
      await Promise.all(
        EXECUTIONS.map(async (execution) => [
          execution,
          await createGatewayTokenSigner(supergraphs[execution].keys.gatewaySigning),
        ]),
      ),
    ) as Record<Execution, Awaited<ReturnType<typeof createGatewayTokenSigner>>>;
    const tokensFor = (execution: Execution, subgraph: 'workforce' | 'bpjs', count: number) =>
      Promise.all(
        Array.from({ length: count }, () =>
          signers[execution](subgraph, heavyPageForwarding(), fetches[subgraph] as SignedOperation),
        ),
      );

    const page = await send('compiled', 'workforce', (await tokensFor('compiled', 'workforce', 1))[0]!);
    fetches.bpjs.variables.representations = page.data!.unit!.workers.edges.map(({ node }) => ({
      __typename: 'Worker',
      nik: node.nik,
    }));
    // Both executors must answer alike before either is timed (cursors are sealed afresh: left out).
    for (const subgraph of ['workforce', 'bpjs'] as const) {
      const [compiled, interpreted] = await Promise.all(
        EXECUTIONS.map(async (execution) => send(execution, subgraph, (await tokensFor(execution, subgraph, 1))[0]!)),
      );
      const comparable = (answer: unknown) => JSON.stringify(answer).replace(/"(cursor|endCursor)":"[^"]*"/g, '');
      if (comparable(compiled) !== comparable(interpreted)) {
        throw new Error(`${subgraph}: the executors answer differently`);
      }
      const codes = (compiled!.errors ?? []).map((error) => error.extensions?.code);
      console.log(`${subgraph}: identical answers; errors ${codes.length ? codes.join(', ') : 'none'}`);
    }

    /** CPU ms per request over `count` requests; tokens are signed before the clock starts. */
    const cpuPerRequest = async (execution: Execution, subgraph: 'workforce' | 'bpjs', count: number) => {
      const tokens = await tokensFor(execution, subgraph, count);
      return cpuMsPerCall(tokens.map((token) => () => send(execution, subgraph, token)));
    };

    for (const subgraph of ['workforce', 'bpjs'] as const) {
      const samples: Record<Execution, number[]> = { 'graphql-js': [], compiled: [] };
      for (let round = 0; round <= ROUNDS; round += 1) {
        const order = round % 2 ? [...EXECUTIONS].reverse() : EXECUTIONS;
        for (const execution of order) {
          // Round 0 warms V8's JIT, the compiled operations and the plan caches only.
          const perRequest = await cpuPerRequest(execution, subgraph, round === 0 ? 30 : RUNS);
          if (round === 0) continue;
          samples[execution].push(perRequest);
          console.log(
            `round ${round} ${subgraph.padEnd(9)} ${execution.padEnd(10)} ${perRequest.toFixed(2)} ms CPU per request  (load ${loadavg()[0]!.toFixed(2)})`,
          );
        }
      }
      const [interpreted, compiled] = [median(samples['graphql-js']), median(samples.compiled)];
      console.log(
        `\n${subgraph}: the heavy page's fetch (100 workers), ${RUNS} requests × ${ROUNDS} rounds each: ` +
          `graphql-js ${interpreted.toFixed(2)} ms CPU per request, compiled ${compiled.toFixed(2)} ms, ` +
          `ratio ${(compiled / interpreted).toFixed(2)}×\n`,
      );
    }
  } finally {
    for (const supergraph of Object.values(supergraphs)) await supergraph.stop();
    await databases.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
