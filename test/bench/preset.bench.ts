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
 * `pnpm bench --preset dki2016|national`: loads a full-size preset with `pnpm seed` on each engine
 * (fresh databases, --runs times) and times the reference queries through the gateway.
 * Prints medians, and each query's ratio to its baseline measured in the same run, since absolute
 * numbers move with the machine. `--reuse` skips the load and measures the PostgreSQL databases
 * named by WORKFORCE_DATABASE_URL and BPJS_DATABASE_URL (a national load takes minutes).
 */
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'dki2016' },
    runs: { type: 'string', default: '3' },
    engines: { type: 'string' },
    queries: { type: 'string', default: '31' },
    reuse: { type: 'boolean', default: false },
  },
});
const PRESET = values.preset!;
const RUNS = Number(values.runs);
const QUERY_RUNS = Number(values.queries);
/** The p50 targets: 200 ms on dki2016, 1 s at national size. */
const TARGET_MS = PRESET === 'national' ? 1000 : 200;
const ENGINES = (values.engines ?? (PRESET === 'national' ? 'postgres' : 'pglite,postgres')).split(',') as TestEngine[];

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
    size: () => postgresSize(Object.values(locations).map((l) => l.url)),
    drop: async () => {
      for (const { url: each } of Object.values(locations)) await dropPostgresDatabase(each);
    },
  };
}

/** The databases named by the environment, measured as they are and never dropped. */
function reusedDatabases(): Fresh {
  const workforce = process.env.WORKFORCE_DATABASE_URL;
  const bpjs = process.env.BPJS_DATABASE_URL;
  if (!workforce || !bpjs) throw new Error('--reuse needs WORKFORCE_DATABASE_URL and BPJS_DATABASE_URL');
  return {
    env: {},
    locations: { workforce: { url: workforce }, bpjs: { url: bpjs } },
    size: () => postgresSize([workforce, bpjs]),
    drop: async () => {},
  };
}

async function postgresSize(urls: readonly string[]): Promise<string> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: POSTGRES_SERVER_URL });
  await client.connect();
  try {
    const sizes = await client.query<{ size: string }>(
      `SELECT pg_size_pretty(sum(pg_database_size(datname))) AS size FROM pg_database WHERE datname = ANY($1)`,
      [urls.map((url) => new URL(url).pathname.slice(1))],
    );
    return sizes.rows[0]!.size;
  } finally {
    await client.end();
  }
}

async function loadFresh(engine: TestEngine): Promise<Fresh> {
  const loads: number[] = [];
  let kept: Fresh | undefined;
  for (let run = 1; run <= RUNS; run += 1) {
    const fresh = await freshDatabases(engine, run);
    loads.push(await runSeedCommand(['--preset', PRESET], fresh.env));
    console.log(`load ${run}/${RUNS}: ${loads.at(-1)!.toFixed(1)} s`);
    if (run < RUNS) await fresh.drop();
    else kept = fresh;
  }
  console.log(`load time: median ${median(loads).toFixed(1)} s of [${loads.map((s) => s.toFixed(1)).join(', ')}]`);
  return kept!;
}

async function benchEngine(engine: TestEngine): Promise<void> {
  console.log(`\n== ${PRESET} on ${engine} ==`);
  const kept = values.reuse ? reusedDatabases() : await loadFresh(engine);
  console.log(`database size: ${await kept.size()}`);

  const supergraph = await serveSupergraph(kept.locations);
  try {
    const landmarks = await findLandmarks(supergraph, 200_000);
    const results = new Map<string, Timing>();
    for (const reference of referenceQueries(landmarks)) {
      const ask = () => supergraph.query(reference.query, reference.variables, REFERENCE_ASKER);
      const check = await ask();
      if (check.body.errors) throw new Error(`${reference.name}: ${JSON.stringify(check.body.errors)}`);
      results.set(reference.name, await timeCalls(ask, { runs: QUERY_RUNS }));
    }
    console.log(`query latency through the gateway (${QUERY_RUNS} runs after 3 warm-ups):`);
    for (const reference of referenceQueries(landmarks)) {
      const timing = results.get(reference.name)!;
      const baseline = results.get(reference.baseline);
      const ratio = baseline ? ` ${(timing.median / baseline.median).toFixed(1)}× ${reference.baseline}` : '';
      const verdict = reference.baseline && timing.median > TARGET_MS ? `  OVER ${formatMs(TARGET_MS)}` : '';
      console.log(
        `  ${reference.name.padEnd(48)} p50 ${formatMs(timing.median).padStart(9)}  p95 ${formatMs(timing.p95).padStart(9)}${ratio}${verdict}`,
      );
    }
  } finally {
    await supergraph.stop();
    await kept.drop();
  }
}

/** Staff of both agencies verifying claims: the one purpose that opens every field the reference queries read. */
const REFERENCE_ASKER = { purpose: 'CLAIM_VERIFICATION' } as const;

async function main() {
  for (const engine of ENGINES) await benchEngine(engine);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
