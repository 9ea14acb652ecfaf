import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { currentSources, readBuildInfo } from './build-info';
import { COMPILE_OPTIONS_DIGEST } from './compile-options';

const OUT_DIR = 'dist';
const SHOWN_CHANGES = 5;

interface PackageManifest {
  dependencies?: Record<string, string>;
}

/**
 * The folder of the package `name` as `require` finds it from `dir`: in the nearest node_modules
 * up the tree (a workspace links it into the dependant's own; a deployment beside it).
 */
function packageDirOf(name: string, dir: string): string {
  for (let folder = dir; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(folder) === folder) throw new Error(`${dir}: its dependency ${name} is not installed`);
  }
}

/** The package and every workspace package it depends on at run time, each once. */
export function workspaceClosure(packageDir: string): string[] {
  const found = new Set<string>();
  const visit = (dir: string) => {
    if (found.has(dir)) return;
    found.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
    for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
      if (version.startsWith('workspace:')) visit(packageDirOf(name, dir));
    }
  };
  visit(realpathSync(packageDir));
  return [...found];
}

function changedPaths(built: Record<string, string>, now: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(built), ...Object.keys(now)]);
  return [...paths].filter((path) => built[path] !== now[path]).sort();
}

/**
 * Why one package's compiled output must not run, or undefined when it matches its sources.
 * Paths in the message are relative to `relativeTo`, where the person reading it stands.
 */
export function buildProblemOf(packageDir: string, relativeTo = process.cwd()): string | undefined {
  const shown = (path: string) => relative(relativeTo, path) || '.';
  const info = readBuildInfo(packageDir, OUT_DIR);
  const out = shown(join(packageDir, OUT_DIR));
  if (!info) return `${shown(packageDir)}: no compiled output in ${out}; run \`pnpm build\` first`;
  // Output shipped without its sources (a deployment) has nothing to be stale against.
  if (!existsSync(join(packageDir, info.layout.sourceDir))) return undefined;
  const changed = changedPaths(info.sources, currentSources(packageDir, info.layout));
  if (info.compileOptions !== COMPILE_OPTIONS_DIGEST) changed.unshift('the compile options');
  if (changed.length === 0) return undefined;
  const listed = changed.slice(0, SHOWN_CHANGES).join(', ');
  const more = changed.length > SHOWN_CHANGES ? ` and ${changed.length - SHOWN_CHANGES} more` : '';
  const sources = shown(join(packageDir, info.layout.sourceDir));
  return `${out} was built from other sources than ${sources} (changed: ${listed}${more}); run \`pnpm build\``;
}

/**
 * Why a package's compiled output, or that of a workspace package it depends on, must not
 * run: missing or built from other sources than those beside it. Empty when all is fresh.
 */
export function buildProblems(packageDir: string, relativeTo = process.cwd()): string[] {
  return workspaceClosure(packageDir).flatMap((dir) => buildProblemOf(dir, relativeTo) ?? []);
}
