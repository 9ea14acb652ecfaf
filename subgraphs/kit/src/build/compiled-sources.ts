import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Where a package's compiled output comes from and goes: `src` → `dist` for every package. */
export interface CompiledLayout {
  /** The folder of TypeScript sources, relative to the package. */
  sourceDir: string;
  /** Where the build writes JavaScript with the same folder structure, relative to the package. */
  outDir: string;
  /** Sources left out of the output (relative to `sourceDir`, a file or a folder): code only development runs. */
  exclude: readonly string[];
}

const isTest = (name: string) => name.endsWith('.spec.ts') || name === '__tests__';

/** Paths under `folder` (relative to it), walked by hand: `readdirSync`'s `recursive` option costs several times more. */
function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? join(prefix, entry.name) : entry.name;
    return entry.isDirectory() ? filesUnder(join(folder, entry.name), path) : [path];
  });
}

/**
 * The source files a build compiles, relative to `sourceDir`, sorted: TypeScript outside tests
 * and outside what the layout excludes. An absent source folder (a deployment that ships only
 * compiled output) has none.
 */
export function compiledSources(packageDir: string, layout: CompiledLayout): string[] {
  const root = join(packageDir, layout.sourceDir);
  if (!existsSync(root)) return [];
  const excluded = (path: string) =>
    layout.exclude.some((exclusion) => path === exclusion || path.startsWith(`${exclusion}${sep}`));
  return filesUnder(root)
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
    .filter((path) => !path.split(sep).some(isTest) && !excluded(path))
    .sort();
}

/** SHA-256 of each file's content, by path (relative to `base`). */
export function digestFiles(base: string, paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    paths.map((path) => [
      path,
      createHash('sha256')
        .update(readFileSync(join(base, path)))
        .digest('hex'),
    ]),
  );
}
