import 'reflect-metadata';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createGatewayTokenSigner, GATEWAY_TOKEN_HEADER, type SignedOperation } from '@jembatan/kit';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph, type RunningSupergraph } from '../harness/supergraph';
import { callerWith } from '../harness/test-identity';
import type { TestEngine } from '../harness/engine';
import { cpuMsPerCall, median } from './measure';
import { heavyPageForwarding, largestUnitCode } from './reference-queries';

/**
 * What a withheld field costs the subgraph that withholds it: the BPJS `_entities` fetch of the
 * heavy HR page (`UnitStaffWithBpjs`, 100 workers, as dki_hr for HR_ADMINISTRATION, who may not
 * see claims) against the same fetch without `claims` asked at all, the floor a withheld field
 * should cost. CPU time of this process (the bpjs subgraph, in production mode, and the client
 * sending to it; on PostgreSQL the database's work is elsewhere) per request, over N requests,
 * in alternating rounds so machine noise falls on both.
 *
 *   pnpm bench:withheld [--engine postgres|pglite] [--rounds 4] [--runs 200] [--first 100]
 */
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    rounds: { type: 'string', default: '4' },
    runs: { type: 'string', default: '200' },
    first: { type: 'string', default: '100' },
  },
  strict: true,
});
const ROUNDS = Number(values.rounds);
const RUNS = Number(values.runs);
const FIRST = Number(values.first);

const PARTICIPANT = 'kpj segment enrollments { program since until }';
const CLAIMS = 'claims { id program filedOn status amount }';
/** The fetch the gateway's plan sends BPJS for the page, with and without the withheld field. */
const fetchOf = (selection: string) =>
  `query UnitStaffWithBpjs__bpjs__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Worker { bpjs { ${selection} } } } }`;
const MODES = { withheld: fetchOf(`${PARTICIPANT} ${CLAIMS}`), omitted: fetchOf(PARTICIPANT) } as const;
type Mode = keyof typeof MODES;

/** The NIKs of the first page of the unit with the most workers, as the gateway would send them. */
async function pageOfWorkers(supergraph: RunningSupergraph): Promise<{ __typename: 'Worker'; nik: string }[]> {
  const code = await largestUnitCode(supergraph);
  const page = await supergraph.query<{ unit: { workers: { edges: { node: { nik: string } }[] } } }>(
    'query ($code: ID!, $first: Int) { unit(code: $code) { workers(first: $first) { edges { node { nik } } } } }',
    { code, first: FIRST },
    { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' },
  );
  return page.body.data!.unit.workers.edges.map(({ node }) => ({ __typename: 'Worker', nik: node.nik }));
}

async function main() {
  console.log(`loading demo on ${values.engine}…`);
  const databases = await seedPresetDatabases('demo', values.engine as TestEngine);
  const supergraph = await serveSupergraph(databases, { production: true });
  try {
    const representations = await pageOfWorkers(supergraph);
    const sign = await createGatewayTokenSigner(supergraph.keys.gatewaySigning);
    const send = async (operation: SignedOperation, token: string) => {
      const response = await fetch(supergraph.bpjs.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
        body: JSON.stringify(operation),
      });
      return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    };

    /** CPU ms per request over `count` requests; tokens are signed before the clock starts. */
    const cpuPerRequest = async (mode: Mode, count: number) => {
      const operation = { query: MODES[mode], variables: { representations } };
      const tokens = await Promise.all(
        Array.from({ length: count }, () => sign('bpjs', heavyPageForwarding(), operation)),
      );
      return cpuMsPerCall(tokens.map((token) => () => send(operation, token)));
    };

    for (const mode of Object.keys(MODES) as Mode[]) {
      const operation = { query: MODES[mode], variables: { representations } };
      const body = await send(operation, await sign('bpjs', heavyPageForwarding(), operation));
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      if (codes.some((code) => code !== 'FORBIDDEN')) throw new Error(JSON.stringify(body.errors));
      console.log(`${mode}: ${representations.length} workers, ${codes.length} FORBIDDEN error(s) in the answer`);
    }

    const samples: Record<Mode, number[]> = { withheld: [], omitted: [] };
    for (let round = 0; round <= ROUNDS; round += 1) {
      const order: Mode[] = round % 2 ? ['withheld', 'omitted'] : ['omitted', 'withheld'];
      for (const mode of order) {
        // Round 0 warms the JIT and the plan caches only.
        const perRequest = await cpuPerRequest(mode, round === 0 ? 20 : RUNS);
        if (round === 0) continue;
        samples[mode].push(perRequest);
        console.log(
          `round ${round} ${mode.padEnd(8)} ${perRequest.toFixed(2)} ms CPU per request  (load ${loadavg()[0]!.toFixed(2)})`,
        );
      }
    }
    const [withheld, omitted] = [median(samples.withheld), median(samples.omitted)];
    console.log(
      `\nbpjs _entities fetch of ${representations.length} workers, ${RUNS} requests × ${ROUNDS} rounds each: ` +
        `claims withheld ${withheld.toFixed(2)} ms CPU per request, claims not asked ${omitted.toFixed(2)} ms, ` +
        `ratio ${(withheld / omitted).toFixed(2)}×`,
    );
  } finally {
    await supergraph.stop();
    await databases.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
