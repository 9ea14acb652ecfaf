import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph } from '../harness/supergraph';
import { callerWith } from '../harness/test-identity';
import type { TestEngine } from '../harness/engine';
import type { Database } from '@jembatan/kit';
import { formatMs, median, timeCalls } from './measure';

/**
 * What sealing cursors costs: a 100-row page of a unit's staff with every edge's cursor, as
 * dki_hr for HR_ADMINISTRATION, through the gateway, with cursors sealed (AES-256-GCM, one per
 * edge) and with the unsealed base64 cursors of before, alternating rounds on the same
 * databases in the same run so machine noise falls on both.
 *
 *   node -r @swc-node/register test/bench/cursor-sealing.bench.ts [--preset demo|dki2016] [--engine pglite|postgres] [--rounds 3] [--runs 41]
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
  const samples = { sealed: [] as number[], unsealed: [] as number[] };
  let code = values.unit;
  try {
    // Round 0 only warms the databases' caches; later rounds swap which mode goes first.
    for (let round = 0; round <= ROUNDS; round += 1) {
      const modes = round % 2 ? (['sealed', 'unsealed'] as const) : (['unsealed', 'sealed'] as const);
      for (const mode of modes) {
        const supergraph = await serveSupergraph(databases, { sealCursors: mode === 'sealed' });
        try {
          code ??= await unitWithAFullPage(supergraph.workforce.database);
          const send = () => supergraph.query(PAGE, { code }, HR);
          const check = await send();
          if (check.body.errors) throw new Error(JSON.stringify(check.body.errors));
          const timing = await timeCalls(send, { runs: RUNS });
          if (round === 0) continue;
          samples[mode].push(...timing.runs);
          console.log(`round ${round} ${mode.padEnd(8)} p50 ${formatMs(timing.median)}`);
        } finally {
          await supergraph.stop();
        }
      }
    }
  } finally {
    await databases.drop();
  }
  const sealed = median(samples.sealed);
  const unsealed = median(samples.unsealed);
  console.log(
    `\n${code} workers(first: 100) with cursors, ${samples.sealed.length} runs each: sealed p50 ${formatMs(sealed)}, ` +
      `unsealed p50 ${formatMs(unsealed)}, ratio ${(sealed / unsealed).toFixed(2)}× ` +
      `(${sealed >= unsealed ? '+' : '−'}${formatMs(Math.abs(sealed - unsealed))})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
