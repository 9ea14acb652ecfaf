import { median } from '../measure';
import type { WindowResult } from './load-window';
import type { SystemName } from './systems';

/** Every timed window of one scenario: per system (or way of running one), one result per round. */
export type ScenarioWindows<TSystem extends string = SystemName> = Map<TSystem, WindowResult[]>;

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');

/** One line per system: medians over the rounds (errors summed), and the machine's load in each window. */
export function systemLines<TSystem extends string>(
  windows: ScenarioWindows<TSystem>,
  rssMb: ReadonlyMap<TSystem, number>,
): string[] {
  const lines = [
    `  ${'system'.padEnd(8)} ${'req/s'.padStart(8)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'errors'.padStart(7)}` +
      `  ${'gw CPU/req'.padStart(10)} ${'sg CPU/req'.padStart(10)} ${'all CPU/req'.padStart(11)} ${'RSS'.padStart(7)}  load per window`,
  ];
  for (const [system, results] of windows) {
    const med = (pick: (result: WindowResult) => number) => median(results.map(pick));
    const errors = results.reduce((sum, result) => sum + result.errors, 0);
    const subgraphCpu = system.startsWith('SQL') ? NaN : med((result) => result.subgraphCpuMsPerRequest);
    lines.push(
      `  ${system.padEnd(8)} ${fixed(med((r) => r.requestsPerSecond)).padStart(8)} ${ms(med((r) => r.p50)).padStart(8)}` +
        ` ${ms(med((r) => r.p99)).padStart(8)} ${String(errors).padStart(7)}` +
        `  ${`${fixed(
          med((r) => r.gatewayCpuMsPerRequest),
          2,
        )} ms`.padStart(10)} ${`${fixed(subgraphCpu, 2)} ms`.padStart(10)}` +
        ` ${`${fixed(
          med((r) => r.machineCpuMsPerRequest),
          2,
        )} ms`.padStart(11)}` +
        ` ${`${fixed(rssMb.get(system) ?? NaN, 0)} MB`.padStart(7)}  ${results.map((r) => fixed(r.loadAverage, 2)).join(' ')}`,
    );
  }
  return lines;
}

/** The median over rounds of a figure that pairs one system's window with another's (rounds pair up by index). */
function medianOfPairs<TSystem extends string>(
  windows: ScenarioWindows<TSystem>,
  first: TSystem,
  second: TSystem,
  pair: (first: WindowResult, second: WindowResult) => number,
): number {
  const firsts = windows.get(first);
  const seconds = windows.get(second);
  if (!firsts || !seconds) return NaN;
  return median(firsts.slice(0, seconds.length).map((result, round) => pair(result, seconds[round]!)));
}

/** The median of per-round ratios of one system's figure to another's. */
export function medianRatio<TSystem extends string>(
  windows: ScenarioWindows<TSystem>,
  numerator: TSystem,
  denominator: TSystem,
  pick: (result: WindowResult) => number,
): number {
  return medianOfPairs(windows, numerator, denominator, (top, bottom) => pick(top) / pick(bottom));
}

/**
 * How close to a floor (SQL, or SQL+audit) any gateway could come over these subgraphs: the
 * floor's machine CPU per answer over J's less J's gateway, as if the gateway cost nothing. On a
 * machine the load keeps busy, throughput goes as the inverse of CPU per answer, so this bounds
 * J/floor for every gateway: the rest (subgraphs, PostgreSQL, load generator, kernel) stays.
 */
export function freeGatewayCeiling(windows: ScenarioWindows, floor: 'SQL' | 'SQL+audit'): number {
  return medianOfPairs(
    windows,
    'J',
    floor,
    (j, floorResult) => floorResult.machineCpuMsPerRequest / (j.machineCpuMsPerRequest - j.gatewayCpuMsPerRequest),
  );
}

export interface ScenarioSummary {
  name: string;
  failed: boolean;
  windows: ScenarioWindows;
}

const throughput = (result: WindowResult) => result.requestsPerSecond;
const latency = (result: WindowResult) => result.p50;

/** The issue's table: J against A, H and the SQL floor, as medians of per-round ratios. */
export function ratioTable(summaries: readonly ScenarioSummary[]): string[] {
  const lines = [
    '| scenario | J/A req/s | J/H req/s | J/SQL req/s · p50 | J/SQL+audit req/s | any gateway/SQL · /SQL+audit, at most | J req/s (p50) | J+cache/A · J+cache/H | J+cache req/s |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { name, failed, windows } of summaries) {
    const jResults = windows.get('J') ?? [];
    const cached = windows.get('J+cache');
    const jOver = (peer: SystemName) => fixed(medianRatio(windows, 'J', peer, throughput), 2);
    const floor = windows.has('SQL')
      ? `${fixed(medianRatio(windows, 'J', 'SQL', throughput), 2)} · ${fixed(medianRatio(windows, 'J', 'SQL', latency), 1)}×`
      : '–';
    const cache = cached
      ? `${fixed(medianRatio(windows, 'J+cache', 'A', throughput), 2)} · ${fixed(medianRatio(windows, 'J+cache', 'H', throughput), 2)}`
      : '–';
    lines.push(
      `| ${name}${failed ? ' **(FAILED: answers differ)**' : ''} | ${jOver('A')} | ${jOver('H')} | ${floor} | ${jOver('SQL+audit')} | ` +
        `${fixed(freeGatewayCeiling(windows, 'SQL'), 2)} · ${fixed(freeGatewayCeiling(windows, 'SQL+audit'), 2)} | ` +
        `${fixed(median(jResults.map(throughput)))} (${ms(median(jResults.map(latency)))}) | ${cache} | ` +
        `${cached ? fixed(median(cached.map(throughput))) : '–'} |`,
    );
  }
  return lines;
}
