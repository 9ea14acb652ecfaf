import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from '../harness/run-command';
import { median } from './measure';
import { dki2016Databases } from './peers/bench-databases';
import { writeBenchKeys } from './peers/bench-keys';
import { listOf, positive } from './peers/bench-options';
import { killAllChildren, type StartedService } from './peers/child-processes';
import { runWindow, type WindowResult } from './peers/load-window';
import { loadAverage, rssMbOf } from './peers/process-stats';
import { medianRatio, systemLines, type ScenarioWindows } from './peers/report';
import { loadPlanOf, requestsOf } from './peers/scenario-requests';
import { readBenchData, SCENARIOS } from './peers/scenarios';
import { startSubgraphs, startSystem, type BenchContext } from './peers/systems';

/**
 * `pnpm bench:replicas`: does a second gateway process help on this machine? The compiled
 * production build (`pnpm build` first) with the same two subgraphs, once for the whole run, on
 * dki2016 in PostgreSQL; two gateway replicas are started, and each round times the same load at
 * the same fixed concurrency against one of them alone and against both (autocannon spreading its
 * connections over the two, as a round-robin load balancer would), in alternating order. Prints
 * req/s, p50 and p99, the gateways' CPU per request, the load average of every window, and the
 * medians of the per-round ratios. Node's `cluster` (a `GATEWAY_WORKERS`) would run the same two
 * processes behind the kernel's balancing of one socket: the replicas measure what it could give.
 * A script, not a test: the figures move with the machine and with whatever else runs on it.
 */
const USAGE = `pnpm bench:replicas [--rounds 5] [--seconds 15] [--warmup 3] [--connections 16]
  [--scenarios ${SCENARIOS.map((s) => s.name).join(',')}] [--databases jembatan_peers] [--no-build]`;
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    scenarios: { type: 'string', default: 'light,heavy' },
    databases: { type: 'string', default: 'jembatan_peers' },
    'no-build': { type: 'boolean', default: false },
  },
  strict: true,
});
const options = {
  rounds: Math.round(positive('rounds', values.rounds, USAGE)),
  seconds: positive('seconds', values.seconds, USAGE),
  warmupSeconds: positive('warmup', values.warmup, USAGE),
  connections: Math.round(positive('connections', values.connections, USAGE)),
  scenarios: listOf(
    'scenarios',
    values.scenarios,
    SCENARIOS.map((scenario) => scenario.name),
  ),
};
const ROOT = resolve(__dirname, '../..');

const MODES = ['1 gw', '2 gw'] as const;
type Mode = (typeof MODES)[number];

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function runScenario(
  name: string,
  context: BenchContext,
  subgraphPids: number[],
  gateways: readonly [StartedService, StartedService],
): Promise<ScenarioWindows<Mode>> {
  const scenario = SCENARIOS.find((each) => each.name === name)!;
  console.log(`\n== ${scenario.name}: ${scenario.title}`);
  const requests = await requestsOf(scenario, await readBenchData(context.databases), context);
  const targets: Record<Mode, readonly StartedService[]> = { '1 gw': [gateways[0]], '2 gw': gateways };
  const window = (mode: Mode, seconds: number) =>
    runWindow(
      loadPlanOf(
        scenario,
        requests,
        targets[mode].map((gateway) => gateway.origin),
        { connections: options.connections, seconds },
      ),
      { gatewayPids: targets[mode].map((gateway) => gateway.pid), subgraphPids },
      context.folder,
    );
  // Both replicas warm (plans, JIT, connection pools) before anything is timed.
  await window('2 gw', options.warmupSeconds);
  await window('1 gw', options.warmupSeconds);
  const windows: ScenarioWindows<Mode> = new Map(MODES.map((mode) => [mode, [] as WindowResult[]]));
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const mode of round % 2 ? MODES : ([...MODES].reverse() as Mode[])) {
      const result = await window(mode, options.seconds);
      windows.get(mode)!.push(result);
      console.log(
        `  round ${round} ${mode} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${result.p50} ms` +
          `  p99 ${result.p99} ms  errors ${result.errors}  load ${result.loadAverage.toFixed(2)}`,
      );
    }
  }
  return windows;
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'jembatan-bench-replicas-'));
  console.log(
    `bench:replicas — ${options.rounds} rounds × ${options.seconds} s, ${options.connections} connections; ` +
      `load now ${loadAverage()}; logs in ${folder}`,
  );
  try {
    if (!values['no-build']) {
      const built = await runCommand('pnpm', ['build', '--skip-playground'], { cwd: ROOT });
      if (built.code !== 0) throw new Error(`pnpm build failed:\n${built.stdout}${built.stderr}`);
    }
    const keys = await writeBenchKeys(folder, ['workforce', 'bpjs']);
    const databases = await dki2016Databases(ROOT, values.databases!);
    const context: BenchContext = { root: ROOT, folder, keys, databases };
    console.log('starting (production mode):');
    const subgraphs = await startSubgraphs(context);
    const gateways = [await startSystem('J', context, subgraphs), await startSystem('J', context, subgraphs)] as const;

    const results = new Map<string, ScenarioWindows<Mode>>();
    for (const name of options.scenarios) {
      results.set(name, await runScenario(name, context, [subgraphs.workforce.pid, subgraphs.bpjs.pid], gateways));
    }

    const rss = new Map<Mode, number>([
      ['1 gw', rssMbOf(gateways[0].pid)],
      ['2 gw', rssMbOf(gateways[0].pid) + rssMbOf(gateways[1].pid)],
    ]);
    console.log('\n== medians over rounds (gateway CPU summed over the replicas; RSS after the runs)');
    for (const [name, windows] of results) {
      console.log(name);
      for (const line of systemLines(windows, rss)) console.log(line);
    }
    console.log('\n== two replicas against one: medians of per-round ratios (> 1 on req/s: two are ahead)');
    console.log('| scenario | req/s | p50 | p99 | gateway CPU per request | load average over its windows |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, windows] of results) {
      const ratio = (pick: (result: WindowResult) => number) => fixed(medianRatio(windows, '2 gw', '1 gw', pick));
      const loads = [...windows.values()].flat().map((result) => result.loadAverage);
      console.log(
        `| ${name} | ${ratio((r) => r.requestsPerSecond)} | ${ratio((r) => r.p50)} | ${ratio((r) => r.p99)} | ` +
          `${ratio((r) => r.gatewayCpuMsPerRequest)} | ${fixed(Math.min(...loads))}–${fixed(Math.max(...loads))} ` +
          `(median ${fixed(median(loads))}) |`,
      );
    }
    rmSync(folder, { recursive: true, force: true });
  } finally {
    killAllChildren();
  }
}

main().catch((error: unknown) => {
  killAllChildren();
  console.error(error);
  process.exit(1);
});
