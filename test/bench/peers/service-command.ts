import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How a TypeScript entry point runs from source: workspace packages resolve to their sources
 * (the `jembatan-source` export condition, a no-op where packages export only sources) and
 * @swc-node/register compiles them as they load.
 */
export const FROM_SOURCE: readonly string[] = ['--conditions=jembatan-source', '-r', '@swc-node/register'];

/**
 * The one place that says how a Jembatan service starts: its compiled `dist/main.js` when the
 * checkout has one (`pnpm build`), else its source through `@swc-node/register`. Prints which,
 * since the two differ in cost (a transpiler and source-map hook at run time).
 */
export function serviceCommand(root: string, packageDir: string): string[] {
  const compiled = join(root, packageDir, 'dist/main.js');
  if (existsSync(compiled)) {
    console.log(`  ${packageDir}: node ${compiled}`);
    return [process.execPath, compiled];
  }
  const source = join(root, packageDir, 'src/main.ts');
  console.log(`  ${packageDir}: node ${FROM_SOURCE.join(' ')} ${source} (no dist/main.js: run \`pnpm build\` there)`);
  return [process.execPath, ...FROM_SOURCE, source];
}
