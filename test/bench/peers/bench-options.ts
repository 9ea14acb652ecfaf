import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIOS } from './scenarios';
import { SYSTEMS, type SystemName } from './systems';

export interface BenchOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  scenarios: string[];
  systems: SystemName[];
  root: string;
  databasePrefix: string;
  /** Seconds every process rests after the last window before its RSS is read: V8 gives memory back a while after load ends. */
  settleSeconds: number;
}

const USAGE = `pnpm bench:peers [--rounds 5] [--seconds 20] [--warmup 3] [--connections 16]
  [--scenarios ${SCENARIOS.map((s) => s.name).join(',')}] [--systems ${SYSTEMS.join(',')}]
  [--root <checkout>] (or JEMBATAN_BENCH_ROOT) [--databases jembatan_peers] [--settle 30]`;

export function positive(name: string, text: string | undefined, usage = USAGE): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number\n${usage}`);
  return value;
}

export function listOf<T extends string>(name: string, text: string | undefined, known: readonly T[]): T[] {
  if (text === undefined) return [...known];
  const chosen = text.split(',').filter(Boolean);
  const unknown = chosen.filter((item) => !known.includes(item as T));
  if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return chosen as T[];
}

export function readBenchOptions(args: readonly string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '16' },
      scenarios: { type: 'string' },
      systems: { type: 'string' },
      root: { type: 'string' },
      databases: { type: 'string', default: 'jembatan_peers' },
      settle: { type: 'string', default: '30' },
    },
  });
  const systems = listOf('systems', values.systems, SYSTEMS);
  if (!systems.includes('J')) throw new Error('--systems must include J: every ratio is J against the others');
  return {
    rounds: Math.round(positive('rounds', values.rounds)),
    seconds: positive('seconds', values.seconds),
    warmupSeconds: positive('warmup', values.warmup),
    connections: Math.round(positive('connections', values.connections)),
    scenarios: listOf(
      'scenarios',
      values.scenarios,
      SCENARIOS.map((scenario) => scenario.name),
    ),
    systems,
    root: resolve(values.root ?? process.env.JEMBATAN_BENCH_ROOT ?? resolve(__dirname, '../../..')),
    databasePrefix: values.databases!,
    settleSeconds: positive('settle', values.settle),
  };
}
