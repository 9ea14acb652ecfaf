import 'reflect-metadata';
import { resolve } from 'node:path';
import { bpjsSubgraph } from '@jembatan/bpjs';
import {
  openSubgraphDatabase,
  readSubgraphConfig,
  seedDatabase,
  SeedRefusedError,
  type SeedOutcome,
  type SubgraphDefinition,
} from '@jembatan/kit';
import { PRESETS, sharedWorld, type PresetName, type World } from '@jembatan/seed-world';
import { workforceSubgraph } from '@jembatan/workforce';
import { parseSeedArguments, usage, UsageRequest } from './seed/arguments';
import { formatSeconds, ProgressBar } from './seed/progress-bar';

/**
 * `pnpm seed --preset <name> [--reset]`: loads a preset into every subgraph's own database, with
 * a progress bar, and prints what each table holds afterwards. See ./seed/arguments.ts.
 */
const ROOT = resolve(__dirname, '..');
const SUBGRAPHS: readonly SubgraphDefinition<unknown>[] = [workforceSubgraph, bpjsSubgraph];
const PRESET_NAMES = [...new Set(SUBGRAPHS.flatMap((s) => s.seeds.presets))];

async function seedSubgraph(
  definition: SubgraphDefinition<unknown>,
  options: { preset: string; reset: boolean; holdWorld: () => void },
  bar: ProgressBar,
): Promise<SeedOutcome> {
  const config = readSubgraphConfig(process.env, {
    ...definition,
    defaultDataDir: resolve(ROOT, 'data', definition.name),
  });
  const where = 'url' in config.database ? 'PostgreSQL' : `PGlite at ${config.database.dataDir}`;
  console.log(`${definition.name}: ${where}`);
  bar.restart();
  bar.update({ phase: 'opening', label: `${definition.name}: opening the database`, done: 0, total: 0 });
  const database = await openSubgraphDatabase(definition, config);
  try {
    return await seedDatabase(database, definition.seeds, {
      ...options,
      label: definition.name,
      onProgress: (progress) => {
        // Generate the world only once a subgraph really loads, and hold it for the next one.
        if (progress.phase === 'preparing') options.holdWorld();
        bar.update(progress);
      },
    });
  } finally {
    bar.finish();
    await database.close();
  }
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
  const bar = new ProgressBar(process.stderr);
  const started = performance.now();
  // Both subgraphs seed from one world; holding it here means it is generated once, not twice.
  let world: Readonly<World> | undefined;
  const holdWorld = () => {
    if (!world && PRESETS.includes(args.preset as PresetName)) world = generateOnce(args.preset as PresetName);
  };
  for (const definition of chosen) {
    try {
      const outcome = await seedSubgraph(definition, { ...args, holdWorld }, bar);
      console.log(describeOutcome(definition, outcome));
    } catch (error) {
      const message = error instanceof SeedRefusedError ? error.message : String((error as Error).stack ?? error);
      console.error(`${definition.name}: ${message}`);
      return 1;
    }
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
