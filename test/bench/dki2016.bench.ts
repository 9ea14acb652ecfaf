import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropPostgresDatabase, ensurePostgresDatabase, withDatabaseName, type DatabaseLocation } from '@jembatan/kit';
import { POSTGRES_SERVER_URL, type TestEngine } from '../harness/engine';
import { serveSupergraph } from '../harness/supergraph';
import { formatMs, median, timeCalls, type Timing } from './measure';
import { findLandmarks, referenceQueries } from './reference-queries';
import { runSeedCommand } from './run-seed-command';

/**
 * `pnpm bench:dki2016`: loads the full-size dki2016 preset with `pnpm seed` on each engine (fresh
 * databases, --runs times) and times the reference queries through the gateway. Prints
 * medians, and each query's ratio to its baseline measured in the same run, since absolute
 * numbers move with the machine.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    engines: { type: 'string', default: 'pglite,postgres' },
    queries: { type: 'string', default: '31' },
  },
});
const RUNS = Number(values.runs);
const QUERY_RUNS = Number(values.queries);
const ENGINES = values.engines!.split(',') as TestEngine[];
/** The target for every reference query on dki2016. */
const TARGET_MS = 200;

interface Fresh {
  env: Record<string, string>;
  locations: { workforce: DatabaseLocation; bpjs: DatabaseLocation };
  size(): Promise<string>;
  drop(): Promise<void>;
}

async function freshDatabases(engine: TestEngine, run: number): Promise<Fresh> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'jembatan-bench-'));
    return {
      env: { DATA_DIR: dataDir },
      locations: { workforce: { dataDir: join(dataDir, 'workforce') }, bpjs: { dataDir: join(dataDir, 'bpjs') } },
      size: async () => execFileSync('du', ['-sh', dataDir], { encoding: 'utf8' }).split('\t')[0]!,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const url = (name: string) => withDatabaseName(POSTGRES_SERVER_URL, `jembatan_bench_${name}_${process.pid}_${run}`);
  const locations = { workforce: { url: url('workforce') }, bpjs: { url: url('bpjs') } };
  for (const { url: each } of Object.values(locations)) await ensurePostgresDatabase(each);
  return {
    env: { WORKFORCE_DATABASE_URL: locations.workforce.url, BPJS_DATABASE_URL: locations.bpjs.url },
    locations,
    size: async () => {
      const { Client } = await import('pg');
      const client = new Client({ connectionString: POSTGRES_SERVER_URL });
      await client.connect();
      const sizes = await client.query<{ size: string }>(
        `SELECT pg_size_pretty(sum(pg_database_size(datname))) AS size FROM pg_database WHERE datname = ANY($1)`,
        [Object.values(locations).map((l) => new URL(l.url).pathname.slice(1))],
      );
      await client.end();
      return sizes.rows[0]!.size;
    },
    drop: async () => {
      for (const { url: each } of Object.values(locations)) await dropPostgresDatabase(each);
    },
  };
}

async function benchEngine(engine: TestEngine): Promise<void> {
  console.log(`\n== dki2016 on ${engine} ==`);
  const loads: number[] = [];
  let kept: Fresh | undefined;
  for (let run = 1; run <= RUNS; run += 1) {
    const fresh = await freshDatabases(engine, run);
    loads.push(await runSeedCommand(['--preset', 'dki2016'], fresh.env));
    console.log(`load ${run}/${RUNS}: ${loads.at(-1)!.toFixed(1)} s`);
    if (run < RUNS) await fresh.drop();
    else kept = fresh;
  }
  console.log(`load time: median ${median(loads).toFixed(1)} s of [${loads.map((s) => s.toFixed(1)).join(', ')}]`);
  console.log(`database size: ${await kept!.size()}`);

  const supergraph = await serveSupergraph(kept!.locations);
  try {
    const landmarks = await findLandmarks(supergraph, 200_000);
    const results = new Map<string, Timing>();
    for (const reference of referenceQueries(landmarks)) {
      const check = await supergraph.query(reference.query, reference.variables);
      if (check.body.errors) throw new Error(`${reference.name}: ${JSON.stringify(check.body.errors)}`);
      results.set(
        reference.name,
        await timeCalls(() => supergraph.query(reference.query, reference.variables), { runs: QUERY_RUNS }),
      );
    }
    console.log(`query latency through the gateway (${QUERY_RUNS} runs after 3 warm-ups):`);
    for (const reference of referenceQueries(landmarks)) {
      const timing = results.get(reference.name)!;
      const baseline = results.get(reference.baseline);
      const ratio = baseline ? ` ${(timing.median / baseline.median).toFixed(1)}× ${reference.baseline}` : '';
      const verdict = reference.baseline && timing.median > TARGET_MS ? '  OVER 200 ms' : '';
      console.log(
        `  ${reference.name.padEnd(48)} p50 ${formatMs(timing.median).padStart(9)}  p95 ${formatMs(timing.p95).padStart(9)}${ratio}${verdict}`,
      );
    }
  } finally {
    await supergraph.stop();
    await kept!.drop();
  }
}

async function main() {
  for (const engine of ENGINES) await benchEngine(engine);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
