import '@jembatan/kit/refuse-stale-build';
import 'reflect-metadata';
import { resolve } from 'node:path';
import {
  openSubgraphDatabase,
  readSubgraphDatabaseConfig,
  seedActionFor,
  seedDatabase,
  SeedRefusedError,
  type Database,
  type SeedOutcome,
  type SeedProgress,
  type SubgraphDefinition,
} from '@jembatan/kit';
import { PRESETS, sharedWorld, type PresetName, type World } from '@jembatan/seed-world';
import { REGISTERED_SUBGRAPHS } from '@jembatan/subgraph-registry';
import { parseSeedArguments, usage, UsageRequest } from './seed/arguments';
import { formatSeconds, ProgressBar } from './seed/progress-bar';

/**
 * `pnpm seed --preset <name> [--reset]`: loads a preset into every subgraph's own database, with
 * a progress bar, and prints what each table holds afterwards. See ./seed/arguments.ts.
 */
const ROOT = resolve(__dirname, '..');
const SUBGRAPHS: readonly SubgraphDefinition<unknown>[] = REGISTERED_SUBGRAPHS.map((s) => s.definition);
const PRESET_NAMES = [...new Set(SUBGRAPHS.flatMap((s) => s.seeds.presets))];

interface Target {
  definition: SubgraphDefinition<unknown>;
  database: Database;
}

async function openTarget(definition: SubgraphDefinition<unknown>): Promise<Target> {
  const config = readSubgraphDatabaseConfig(process.env, {
    ...definition,
    defaultDataDir: resolve(ROOT, 'data', definition.name),
  });
  const where = 'url' in config.database ? 'PostgreSQL' : `PGlite at ${config.database.dataDir}`;
  console.log(`${definition.name}: ${where}`);
  return { definition, database: await openSubgraphDatabase(definition, config) };
}

/** One bar for loads running side by side: rows done and to do, summed over the subgraphs. */
function combinedProgress(bar: ProgressBar, onPreparing: () => void): (progress: SeedProgress) => void {
  const latest = new Map<string, SeedProgress>();
  return (progress) => {
    if (progress.phase === 'preparing') onPreparing();
    latest.set(progress.label.split(':')[0] ?? '', progress);
    const all = [...latest.values()];
    bar.update({
      phase: progress.phase,
      label: progress.label,
      done: all.reduce((sum, p) => sum + p.done, 0),
      total: all.reduce((sum, p) => sum + p.total, 0),
    });
  };
}

function describeOutcome({ name, seeds }: SubgraphDefinition<unknown>, outcome: SeedOutcome): string {
  const verb = {
    loaded: 'loaded',
    replaced: 'replaced the previous preset with',
    repaired: 'repaired an interrupted load of',
    kept: 'already holds',
  }[outcome.action];
  const tables = seeds.tables
    .map((table) => `    ${table.padEnd(12)} ${(outcome.rowCounts[table] ?? 0).toLocaleString('en').padStart(12)} rows`)
    .join('\n');
  const time = outcome.action === 'kept' ? ' (nothing to do)' : ` in ${formatSeconds(outcome.seconds)}`;
  return `${name}: ${verb} ${outcome.preset}${time}\n${tables}`;
}

function generateOnce(preset: PresetName) {
  const started = performance.now();
  process.stderr.write(`\ngenerating the ${preset} world… `);
  const world = sharedWorld(preset);
  process.stderr.write(`${formatSeconds((performance.now() - started) / 1000)}\n`);
  return world;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseSeedArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageRequest) {
      console.log(usage(PRESET_NAMES));
      return 0;
    }
    console.error(`${(error as Error).message}\n\n${usage(PRESET_NAMES)}`);
    return 2;
  }
  if (!PRESET_NAMES.includes(args.preset)) {
    console.error(`Unknown preset "${args.preset}"\n\n${usage(PRESET_NAMES)}`);
    return 2;
  }
  const unknown = args.only.filter((name) => !SUBGRAPHS.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown subgraph ${unknown.join(', ')}; known: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const chosen = SUBGRAPHS.filter((s) => args.only.length === 0 || args.only.includes(s.name));
  const started = performance.now();
  const targets: Target[] = [];
  try {
    for (const definition of chosen) targets.push(await openTarget(definition));
    // Ask every database first: a refusal must not leave one agency loaded and the other not.
    for (const { definition, database } of targets) {
      await seedActionFor(database, definition.seeds, args.preset, args.reset).catch((error: unknown) => {
        throw error instanceof SeedRefusedError ? new SeedRefusedError(`${definition.name}: ${error.message}`) : error;
      });
    }
    // Both subgraphs seed from one world; holding it here means it is generated once, not twice.
    let world: Readonly<World> | undefined;
    const bar = new ProgressBar(process.stderr);
    // national is the dki2016 world plus the rest of Indonesia generated inside PostgreSQL.
    const worldPreset = args.preset === 'national' ? 'dki2016' : args.preset;
    const onProgress = combinedProgress(bar, () => {
      if (!world && PRESETS.includes(worldPreset as PresetName)) world = generateOnce(worldPreset as PresetName);
    });
    // Side by side: on PostgreSQL the server loads one database while Node prepares the other's rows.
    const outcomes = await Promise.all(
      targets.map(({ definition, database }) =>
        seedDatabase(database, definition.seeds, { ...args, label: definition.name, onProgress }),
      ),
    );
    bar.finish();
    targets.forEach(({ definition }, index) => console.log(describeOutcome(definition, outcomes[index]!)));
  } catch (error) {
    console.error(error instanceof SeedRefusedError ? error.message : String((error as Error).stack ?? error));
    return 1;
  } finally {
    for (const { database } of targets) await database.close();
  }
  console.log(`Done in ${formatSeconds((performance.now() - started) / 1000)}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
