import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph } from '../harness/supergraph';
import { callerWith } from '../harness/test-identity';
import type { TestEngine } from '../harness/engine';
import type { Database } from '@jembatan/kit';
import { ratioLine, timeInAlternatingRounds } from './alternating-rounds';

/**
 * What sealing cursors costs: a 100-row page of a unit's staff with every edge's cursor, as
 * dki_hr for HR_ADMINISTRATION, through the gateway, with cursors sealed (AES-256-GCM, one per
 * edge) and with the unsealed base64 cursors of before, alternating rounds on the same
 * databases in the same run so machine noise falls on both.
 *
 *   node --conditions=jembatan-source -r @swc-node/register test/bench/cursor-sealing.bench.ts [--preset demo|dki2016] [--engine pglite|postgres] [--rounds 3] [--runs 41]
 */
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'demo' },
    engine: { type: 'string', default: 'pglite' },
    /** KEC-317401 by default; in the demo preset, which gives it 23 workers, the largest unit instead. */
    unit: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    runs: { type: 'string', default: '41' },
  },
  strict: true,
});
const ROUNDS = Number(values.rounds);
const RUNS = Number(values.runs);
const PAGE = `query($code: ID!) { unit(code: $code) { workers(first: 100) { edges { cursor node { nik } } } } }`;
const HR = { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' as const };

/** KEC-317401 when it has 100 workers (dki2016), else the unit with the most. */
async function unitWithAFullPage(database: Database): Promise<string> {
  const [largest] = await database.dataSource.query<{ unit_code: string; workers: number }[]>(
    `SELECT unit_code, count(*)::int AS workers FROM worker GROUP BY unit_code
      ORDER BY (unit_code = 'KEC-317401' AND count(*) >= 100) DESC, count(*) DESC LIMIT 1`,
  );
  return largest!.unit_code;
}

async function main() {
  console.log(`loading ${values.preset} on ${values.engine}…`);
  const databases = await seedPresetDatabases(values.preset!, values.engine as TestEngine);
  const modes = ['sealed', 'unsealed'] as const;
  let code = values.unit;
  try {
    const samples = await timeInAlternatingRounds({
      modes,
      rounds: ROUNDS,
      runs: RUNS,
      async start(mode) {
        const supergraph = await serveSupergraph(databases, { sealCursors: mode === 'sealed' });
        code ??= await unitWithAFullPage(supergraph.workforce.database);
        return { send: () => supergraph.query(PAGE, { code }, HR), stop: () => supergraph.stop() };
      },
    });
    console.log(`\n${ratioLine(`${code} workers(first: 100) with cursors`, samples, modes)}`);
  } finally {
    await databases.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
