import { posix } from 'node:path';

/**
 * Entries for a new workspace package in pnpm-lock.yaml (lockfile v9), written the way pnpm
 * writes them. `pnpm install --offline` cannot resolve a dependency it has no registry metadata
 * for, even at a version the store holds; a new subgraph only takes versions other packages
 * already resolved, so the generator writes those resolutions itself and the offline install
 * then only links. Plain text edits, since the lockfile's layout is fixed by its version.
 */

export interface LockedDependency {
  name: string;
  /** As in package.json: `2.2.3`, `workspace:*`. */
  specifier: string;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const keyOf = (name: string) => (name.startsWith('@') ? `'${name}'` : name);

function importersSection(lock: string): { start: number; end: number } {
  const start = lock.indexOf('\nimporters:\n');
  const end = lock.indexOf('\npackages:\n', start);
  if (!lock.startsWith("lockfileVersion: '9.0'") || start === -1 || end === -1) {
    throw new Error('pnpm-lock.yaml is not a lockfile v9 with importers and packages');
  }
  return { start: start + '\nimporters:\n'.length, end };
}

/** The version pnpm resolved for a registry specifier somewhere in the workspace, if any. */
export function lockedVersionOf(lock: string, { name, specifier }: LockedDependency): string | undefined {
  const { start, end } = importersSection(lock);
  const entry = new RegExp(
    `^ {6}${escaped(keyOf(name))}:\\n {8}specifier: ${escaped(specifier)}\\n {8}version: (.+)$`,
    'm',
  ).exec(lock.slice(start, end));
  return entry?.[1];
}

const entryLines = (name: string, specifier: string, version: string) =>
  [`      ${keyOf(name)}:`, `        specifier: ${specifier}`, `        version: ${version}`].join('\n');

/** How a workspace package at `from` refers to the one at `to`: `link:../kit`. */
const linkVersion = (from: string, to: string) => `link:${posix.relative(from, to)}`;

/**
 * The lockfile with an importer for the package at `path`: workspace dependencies (`paths` maps
 * their names to folders) as links, registry ones at the version already locked elsewhere.
 * Undefined when some registry dependency is locked nowhere: then only a resolving install helps.
 */
export function withImporter(
  lock: string,
  path: string,
  dependencies: readonly LockedDependency[],
  paths: Readonly<Record<string, string>>,
): string | undefined {
  const lines: string[] = [];
  for (const dependency of [...dependencies].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const folder = paths[dependency.name];
    const version = dependency.specifier.startsWith('workspace:')
      ? folder && linkVersion(path, folder)
      : lockedVersionOf(lock, dependency);
    if (!version) return undefined;
    lines.push(entryLines(dependency.name, dependency.specifier, version));
  }
  const block = `  ${path}:\n    dependencies:\n${lines.join('\n')}\n\n`;
  const { start, end } = importersSection(lock);
  const importers = [...lock.slice(start, end).matchAll(/^ {2}(\S[^\n]*):$/gm)];
  const after = importers.find((importer) => importer[1]! > path);
  const at = after ? start + after.index! : end + 1;
  return lock.slice(0, at) + block + lock.slice(at);
}

/** The lockfile with one more workspace dependency (`dependencies`) of an existing importer. */
export function withWorkspaceDependency(lock: string, importer: string, name: string, folder: string): string {
  const { start, end } = importersSection(lock);
  const head = new RegExp(`^ {2}${escaped(importer)}:\\n {4}dependencies:\\n`, 'm').exec(lock.slice(start, end));
  if (!head) throw new Error(`pnpm-lock.yaml has no dependencies of ${importer}`);
  // The entries run while lines are indented deeper than `dependencies:`; they are in name order.
  let at = start + head.index + head[0].length;
  let insertAt: number | undefined;
  while (lock.startsWith('      ', at)) {
    const lineEnd = lock.indexOf('\n', at) + 1;
    const key = /^ {6}'?([^':\n]+)'?:$/.exec(lock.slice(at, lineEnd - 1))?.[1];
    if (key !== undefined && key > name && insertAt === undefined) insertAt = at;
    at = lineEnd;
  }
  const line = `${entryLines(name, 'workspace:*', linkVersion(importer, folder))}\n`;
  const position = insertAt ?? at;
  return lock.slice(0, position) + line + lock.slice(position);
}
