import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph } from '../harness/supergraph';
import { savedOperation } from '../harness/operations';
import { callerWith } from '../harness/test-identity';
import type { TestEngine } from '../harness/engine';
import { ratioLine, timeInAlternatingRounds } from './alternating-rounds';

/**
 * What the audit trail costs: the reference cross-agency query (a unit's staff page with each
 * worker's BPJS enrolments and claims, `UnitStaffWithBpjs`, as dki_hr for HR_ADMINISTRATION) through the gateway, with each
 * subgraph recording its one audit record per request, and without, alternating rounds on the
 * same databases in the same run so machine noise falls on both.
 *
 *   pnpm bench:audit [--preset demo|dki2016] [--engine pglite|postgres] [--rounds 3] [--runs 41] [--first 20]
 */
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'demo' },
    engine: { type: 'string', default: 'pglite' },
    rounds: { type: 'string', default: '3' },
    runs: { type: 'string', default: '41' },
    first: { type: 'string', default: '20' },
  },
  strict: true,
});
const ROUNDS = Number(values.rounds);
const RUNS = Number(values.runs);
const FIRST = Number(values.first);
/** The headline caller of the README's first query: Pemprov's HR administering its staff (BPJS withholds their claims). */
const HR = { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' as const };

/** The unit with the most workers: its first page is full. */
async function largestUnit(supergraph: Awaited<ReturnType<typeof serveSupergraph>>): Promise<string> {
  const { body } = await supergraph.query<{ units: { edges: { node: { code: string; headcount?: number } }[] } }>(
    '{ units(first: 100) { edges { node { code headcount } } } }',
  );
  return body.data!.units.edges.map((edge) => edge.node).sort((a, b) => (b.headcount ?? 0) - (a.headcount ?? 0))[0]!
    .code;
}

async function main() {
  console.log(`loading ${values.preset} on ${values.engine}…`);
  const databases = await seedPresetDatabases(values.preset!, values.engine as TestEngine);
  const query = savedOperation('UnitStaffWithBpjs');
  const modes = ['audited', 'unaudited'] as const;
  try {
    const samples = await timeInAlternatingRounds({
      modes,
      rounds: ROUNDS,
      runs: RUNS,
      async start(mode) {
        const supergraph = await serveSupergraph(databases, { recordAccess: mode === 'audited' });
        const variables = { code: await largestUnit(supergraph), first: FIRST };
        return { send: () => supergraph.query(query, variables, HR), stop: () => supergraph.stop() };
      },
    });
    console.log(`\n${ratioLine(`UnitStaffWithBpjs (first: ${FIRST})`, samples, modes)}`);
  } finally {
    await databases.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
