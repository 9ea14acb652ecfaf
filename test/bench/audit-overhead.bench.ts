import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph } from '../harness/supergraph';
import { savedOperation } from '../harness/operations';
import type { TestEngine } from '../harness/engine';
import { formatMs, median, timeCalls } from './measure';

/**
 * What the audit trail costs: the reference cross-agency query (a unit's staff page with each
 * worker's BPJS enrolments and claims, `UnitStaffWithBpjs`) through the gateway, with each
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

async function main() {
  console.log(`loading ${values.preset} on ${values.engine}…`);
  const databases = await seedPresetDatabases(values.preset!, values.engine as TestEngine);
  const query = savedOperation('UnitStaffWithBpjs');
  const samples = { audited: [] as number[], unaudited: [] as number[] };
  try {
    // Round 0 only warms the databases' caches; later rounds swap which mode goes first.
    for (let round = 0; round <= ROUNDS; round += 1) {
      const modes = round % 2 ? (['audited', 'unaudited'] as const) : (['unaudited', 'audited'] as const);
      for (const mode of modes) {
        const supergraph = await serveSupergraph(databases, { recordAccess: mode === 'audited' });
        try {
          const { body } = await supergraph.query<{ units: { edges: { node: { code: string } }[] } }>(
            '{ units(first: 100) { edges { node { code headcount } } } }',
          );
          const code = (body.data!.units.edges as { node: { code: string; headcount?: number } }[])
            .map((edge) => edge.node)
            .sort((a, b) => (b.headcount ?? 0) - (a.headcount ?? 0))[0]!.code;
          const variables = { code, first: FIRST };
          const check = await supergraph.query(query, variables);
          if (check.body.errors) throw new Error(JSON.stringify(check.body.errors));
          const timing = await timeCalls(() => supergraph.query(query, variables), { runs: RUNS });
          if (round === 0) continue;
          samples[mode].push(...timing.runs);
          console.log(`round ${round} ${mode.padEnd(9)} p50 ${formatMs(timing.median)}`);
        } finally {
          await supergraph.stop();
        }
      }
    }
  } finally {
    await databases.drop();
  }
  const audited = median(samples.audited);
  const unaudited = median(samples.unaudited);
  console.log(
    `\nUnitStaffWithBpjs (first: ${FIRST}), ${samples.audited.length} runs each: audited p50 ${formatMs(audited)}, ` +
      `unaudited p50 ${formatMs(unaudited)}, ratio ${(audited / unaudited).toFixed(2)}× ` +
      `(${audited >= unaudited ? '+' : '−'}${formatMs(Math.abs(audited - unaudited))})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
