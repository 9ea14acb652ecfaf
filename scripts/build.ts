import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceClosure } from '@jembatan/kit/build';
import { ensurePlaygroundBundle } from '@jembatan/gateway/playground-bundle';
import { compilePackage } from './build/compile-package';
import { layoutOf } from './build/package-layouts';

const USAGE = `Usage: pnpm build [--skip-playground]

Compiles every package production runs (the root's workspace dependencies and the scripts
production runs) into its dist/ folder with swc, as \`node <package>/dist/main.js\` and
\`NODE_ENV=production pnpm start\` run them, then builds the playground's page when it is stale.
Types are checked by \`pnpm check:types\`, not here.`;

const ROOT = resolve(__dirname, '..');

const packageName = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name;

async function main() {
  const { values } = parseArgs({
    options: { 'skip-playground': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  const started = performance.now();
  // The root first in the closure: the scripts; then every workspace package they run.
  for (const dir of workspaceClosure(ROOT)) {
    const name = packageName(dir);
    const layout = layoutOf(name);
    const packageStarted = performance.now();
    const files = await compilePackage(dir, layout);
    const where = relative(ROOT, join(dir, layout.outDir));
    console.log(`${name}: ${files} files → ${where} (${Math.round(performance.now() - packageStarted)} ms)`);
  }
  console.log(`compiled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (values['skip-playground']) return;
  const { state, buildMs } = await ensurePlaygroundBundle();
  console.log(`playground: ${state === 'fresh' ? 'up to date' : `built in ${(buildMs / 1000).toFixed(1)} s`}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
