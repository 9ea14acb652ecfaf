import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';

/** One file the generator writes: new, or changed from what it held. */
export interface FileChange {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

/** Applies prettier to every change prettier has a parser for, with the repository's configuration. */
export async function formatted(root: string, changes: readonly FileChange[]): Promise<FileChange[]> {
  return Promise.all(
    changes.map(async (change) => {
      const filepath = join(root, change.path);
      const info = await prettier.getFileInfo(filepath, { ignorePath: join(root, '.prettierignore') });
      if (info.ignored || !info.inferredParser) return change;
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      return { ...change, content: await prettier.format(change.content, { ...options, filepath }) };
    }),
  );
}

/** What writing changed, so a later failure can put every file back as it was. */
export interface AppliedChanges {
  rollBack(): void;
}

/**
 * Writes the changes. Files that existed are remembered and restored on roll-back; files and
 * folders that did not are removed, so a roll-back leaves the tree as it was found. `alsoRestore`
 * names files that later steps may write (the lockfile, the composed schema), kept the same way.
 */
export function applyChanges(
  root: string,
  changes: readonly FileChange[],
  { createdFolders, alsoRestore }: { createdFolders: readonly string[]; alsoRestore: readonly string[] },
) {
  const snapshot = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null);
  const previous = new Map<string, string | null>(alsoRestore.map((path) => [path, snapshot(path)]));
  const newFolders = createdFolders.filter((folder) => !existsSync(join(root, folder)));
  const rollBack = () => {
    for (const [path, content] of previous) {
      if (content === null) rmSync(join(root, path), { force: true });
      else writeFileSync(join(root, path), content);
    }
    for (const folder of newFolders) rmSync(join(root, folder), { recursive: true, force: true });
  };
  try {
    for (const change of changes) {
      const target = join(root, change.path);
      if (!previous.has(change.path)) previous.set(change.path, snapshot(change.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, change.content);
    }
  } catch (error) {
    rollBack();
    throw error;
  }
  return { rollBack } satisfies AppliedChanges;
}
