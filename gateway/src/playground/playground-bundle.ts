import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The playground's web app (its own workspace package) and the bundle vite builds from it. */
export const PLAYGROUND_DIR = resolve(__dirname, '../../playground');
export const PLAYGROUND_DIST_DIR = join(PLAYGROUND_DIR, 'dist');
/** The saved operations the bundle opens as tabs: a changed operation makes the bundle stale. */
const OPERATIONS_DIR = resolve(__dirname, '../../../schema/operations');
/** The kit's modules the page bundles (the CSV's table flattening, the operations' caller line). */
const SHARED_KIT_DIRS = ['table', 'saved-operations'].map((name) =>
  resolve(__dirname, '../../../subgraphs/kit/src', name),
);
const IGNORED = new Set(['node_modules', 'dist']);
const BUILD_PREFIX = 'playground-build-';
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export type BundleState = 'missing' | 'stale' | 'fresh';

/** The latest change under a folder; a subfolder's own time counts too, as deleting a file changes it. */
function newestChange(folder: string, skip: (name: string) => boolean): number {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !skip(entry.name))
    .reduce((newest, entry) => {
      const path = join(folder, entry.name);
      const own = statSync(path).mtimeMs;
      return Math.max(newest, own, entry.isDirectory() ? newestChange(path, skip) : 0);
    }, 0);
}

/** Whether dist/ holds a bundle built after the last change to its sources and the saved operations. */
export function playgroundBundleState(): BundleState {
  let builtAt: number;
  try {
    builtAt = statSync(join(PLAYGROUND_DIST_DIR, 'index.html')).mtimeMs;
  } catch {
    return 'missing';
  }
  const skipped = (name: string) => IGNORED.has(name) || name.startsWith('.');
  const sources = Math.max(
    newestChange(PLAYGROUND_DIR, skipped),
    ...SHARED_KIT_DIRS.map((dir) => newestChange(dir, (name) => skipped(name) || name === '__tests__')),
  );
  // The folder's own time too: an operation deleted leaves a tab to remove.
  const operations = Math.max(
    statSync(OPERATIONS_DIR).mtimeMs,
    newestChange(OPERATIONS_DIR, (name) => !name.endsWith('.graphql')),
  );
  return Math.max(sources, operations) > builtAt ? 'stale' : 'fresh';
}

function runViteBuild(outDir: string): Promise<void> {
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [PLAYGROUND_DIR] })), 'bin', 'vite.js');
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: PLAYGROUND_DIR, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? fail(new Error(`building the playground failed:\n${stdout}${stderr}`)) : done(),
    );
  });
}

/** Builds left behind by a process killed mid-build; a build in progress is minutes old at most. */
function removeAbandonedBuilds(cache: string): void {
  const cutoff = Date.now() - ABANDONED_AFTER_MS;
  for (const entry of readdirSync(cache)) {
    const path = join(cache, entry);
    if (entry.startsWith(BUILD_PREFIX) && statSync(path).mtimeMs < cutoff)
      rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Builds the playground bundle when it is missing or older than its sources; does nothing when
 * it is fresh. Each build writes to a folder of its own and is then moved into place, so two
 * processes building at once (`pnpm start` beside the tests) never mix their files.
 */
export async function ensurePlaygroundBundle(): Promise<{ state: BundleState; buildMs: number }> {
  const state = playgroundBundleState();
  if (state === 'fresh') return { state, buildMs: 0 };
  const started = performance.now();
  const cache = join(PLAYGROUND_DIR, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  removeAbandonedBuilds(cache);
  const outDir = join(cache, `${BUILD_PREFIX}${randomUUID()}`);
  try {
    await runViteBuild(outDir);
    rmSync(PLAYGROUND_DIST_DIR, { recursive: true, force: true });
    renameSync(outDir, PLAYGROUND_DIST_DIR);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another process moved its build into place first: theirs is as fresh as ours.
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return { state, buildMs: Math.round(performance.now() - started) };
}
