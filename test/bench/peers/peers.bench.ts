import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchKeys } from './bench-keys';
import { dki2016Databases } from './bench-databases';
import { readBenchOptions } from './bench-options';
import { killAllChildren, stopAllChildren, type StartedService } from './child-processes';
import { comparableAnswer, firstDifference } from './identical-answers';
import { runWindow, type WindowResult } from './load-window';
import { loadAverage, peakRssMbOf, rssMbOf } from './process-stats';
import { ratioTable, systemLines, type ScenarioSummary, type ScenarioWindows } from './report';
import { roundOrder } from './round-order';
import { readBenchData, SCENARIOS, type BenchData, type Scenario } from './scenarios';
import { loadPlanOf, requestsOf, type ScenarioRequests } from './scenario-requests';
import {
  startSubgraphs,
  startSystem,
  SYSTEM_TITLES,
  type BenchContext,
  type RunningSubgraphs,
  type SystemName,
} from './systems';

/**
 * `pnpm bench:peers`: Jembatan's gateway side by side with stock Apollo Gateway, Hive Gateway
 * (Rust planner) and hand-written SQL, on dki2016 in PostgreSQL, over the same subgraphs
 * (started once, production mode), the same supergraph and the same published operations.
 * Each scenario first checks that every system gives the same answer, then runs interleaved
 * rounds (round-order.ts: every system in every place, none always after the same one) and
 * prints each system's figures and J's ratios to the others as medians of per-round ratios. A
 * script, not a test: machines are noisy, so it prints the load average of every window.
 */
const options = readBenchOptions();
/** Requests compared across systems before timing, per scenario (spread over its bodies). */
const IDENTICAL_SAMPLE = 4;

async function ask(service: StartedService, requests: ScenarioRequests, body: string) {
  const response = await fetch(`${service.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...requests.headers },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return comparableAnswer(response.status, (await response.json()) as never);
}

/** The identical-JSON check: every system's answer to a sample of the scenario's requests equals J's. */
async function answersAgree(
  scenario: Scenario,
  requests: ScenarioRequests,
  systems: ReadonlyMap<SystemName, StartedService>,
): Promise<boolean> {
  const step = Math.max(1, Math.floor(requests.bodies.length / IDENTICAL_SAMPLE));
  const sample = requests.bodies.filter((_, index) => index % step === 0).slice(0, IDENTICAL_SAMPLE);
  let agree = true;
  for (const body of sample) {
    const reference = await ask(systems.get('J')!, requests, body);
    const unexpected = reference.errors.filter((error) => !scenario.expectedErrorCodes.includes(error.split(' ')[0]!));
    if (reference.status !== 200 || unexpected.length > 0) {
      console.log(`  !! J answers ${reference.status} with ${unexpected.slice(0, 3).join('; ')}`);
      agree = false;
    }
    for (const [system, service] of systems) {
      if (system === 'J') continue;
      const difference = firstDifference(reference, await ask(service, requests, body));
      if (difference) {
        console.log(`  !! ${system} differs from J for ${body.slice(-80)}: ${difference}`);
        agree = false;
      }
    }
  }
  console.log(
    agree
      ? `  identical JSON from ${[...systems.keys()].join(', ')} on ${sample.length} requests`
      : '  !! ANSWERS DIFFER: scenario marked FAILED',
  );
  return agree;
}

/** What the errors of a window were, e.g. ` (SUBGRAPH_TIMEOUT ×3, HTTP 503 ×1)`. */
function describeErrors(result: WindowResult): string {
  const codes = Object.entries(result.unexpectedCodes).map(([code, count]) => `${code} ×${count}`);
  if (result.socketErrors > 0) codes.push(`socket errors ×${result.socketErrors}`);
  if (result.timeouts > 0) codes.push(`timeouts ×${result.timeouts}`);
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

async function runScenario(
  scenario: Scenario,
  data: BenchData,
  context: BenchContext,
  subgraphs: RunningSubgraphs,
  running: ReadonlyMap<SystemName, StartedService>,
): Promise<ScenarioSummary> {
  const systems = new Map([...running].filter(([system]) => scenario.systems.includes(system)));
  console.log(`\n== ${scenario.name}: ${scenario.title} (${systems.size} systems)`);
  const requests = await requestsOf(scenario, data, context);
  const agree = await answersAgree(scenario, requests, systems);
  const windows: ScenarioWindows = new Map([...systems.keys()].map((system) => [system, []]));
  const window = (system: SystemName, seconds: number) =>
    runWindow(
      loadPlanOf(scenario, requests, [systems.get(system)!.origin], { connections: options.connections, seconds }),
      {
        gatewayPids: [systems.get(system)!.pid],
        subgraphPids: system.startsWith('SQL') ? [] : [subgraphs.workforce.pid, subgraphs.bpjs.pid],
      },
      context.folder,
    );
  for (const system of systems.keys()) await window(system, options.warmupSeconds);
  const order = [...systems.keys()];
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const system of roundOrder(order, round - 1)) {
      const result = await window(system, options.seconds);
      windows.get(system)!.push(result);
      console.log(
        `  round ${round} ${system.padEnd(8)} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${result.p50} ms` +
          `  p99 ${result.p99} ms  errors ${result.errors}${describeErrors(result)}  load ${result.loadAverage.toFixed(2)}`,
      );
    }
  }
  return { name: scenario.name, failed: !agree, windows };
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'jembatan-bench-peers-'));
  console.log(
    `bench:peers — ${options.rounds} rounds × ${options.seconds} s, ${options.connections} connections; load now ${loadAverage()}`,
  );
  console.log(`measuring ${options.root}; keys, logs and plans in ${folder}`);
  let keepFolder = true;
  try {
    const keys = await writeBenchKeys(folder, ['workforce', 'bpjs']);
    const databases = await dki2016Databases(options.root, options.databasePrefix);
    const context: BenchContext = { root: options.root, folder, keys, databases };
    const data = await readBenchData(databases);
    const scenarios = SCENARIOS.filter((scenario) => options.scenarios.includes(scenario.name));
    const needed = options.systems.filter((system) => scenarios.some((scenario) => scenario.systems.includes(system)));

    console.log('starting (production mode):');
    const subgraphs = await startSubgraphs(context);
    const running = new Map<SystemName, StartedService>();
    for (const system of needed) {
      const service = await startSystem(system, context, subgraphs);
      running.set(system, service);
      console.log(
        `  ${system.padEnd(8)} ${SYSTEM_TITLES[system]} (pid ${service.pid}, RSS at start ${rssMbOf(service.pid).toFixed(0)} MB)`,
      );
    }

    const summaries: ScenarioSummary[] = [];
    for (const scenario of scenarios) summaries.push(await runScenario(scenario, data, context, subgraphs, running));

    // Every system rests as long before its RSS is read, whichever ran last.
    await new Promise((resolve) => setTimeout(resolve, options.settleSeconds * 1000));
    const rss = new Map([...running].map(([system, service]) => [system, rssMbOf(service.pid)]));
    console.log(
      `\n== per system (medians over rounds; errors summed; CPU ms per request from /proc; RSS after the runs and ${options.settleSeconds} s at rest)`,
    );
    for (const summary of summaries) {
      console.log(`${summary.name}${summary.failed ? '  (FAILED: answers differ)' : ''}`);
      for (const line of systemLines(summary.windows, rss)) console.log(line);
    }
    const jOverH = (rss.get('J') ?? NaN) / (rss.get('H') ?? NaN);
    if (Number.isFinite(jOverH)) console.log(`J's RSS / H's after the runs: ${jOverH.toFixed(2)}`);
    const peaks = new Map([...running].map(([system, service]) => [system, peakRssMbOf(service.pid)]));
    const jOverHPeak = (peaks.get('J') ?? NaN) / (peaks.get('H') ?? NaN);
    console.log(
      `peak RSS during the runs: ${[...peaks].map(([system, mb]) => `${system} ${mb.toFixed(0)} MB`).join(', ')}` +
        (Number.isFinite(jOverHPeak) ? `; J/H ${jOverHPeak.toFixed(2)}` : ''),
    );
    console.log(
      `subgraphs' RSS after the runs: workforce ${rssMbOf(subgraphs.workforce.pid).toFixed(0)} MB, bpjs ${rssMbOf(subgraphs.bpjs.pid).toFixed(0)} MB`,
    );
    console.log(
      '\n== J against the others: medians of per-round ratios (> 1: J is ahead on req/s; the p50 ratio is J over SQL)',
    );
    for (const line of ratioTable(summaries)) console.log(line);
    const failed = summaries.filter((summary) => summary.failed);
    if (failed.length > 0) {
      console.log(`\nFAILED: answers differ in ${failed.map((summary) => summary.name).join(', ')}; logs in ${folder}`);
      process.exitCode = 1;
    } else {
      keepFolder = false;
    }
  } finally {
    // A profiled run (JEMBATAN_BENCH_NODE_FLAGS) lets the services exit and write their profiles.
    await stopAllChildren(process.env.JEMBATAN_BENCH_NODE_FLAGS ? 10_000 : 0);
    if (!keepFolder) rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  killAllChildren();
  console.error(error);
  process.exit(1);
});
