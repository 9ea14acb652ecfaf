import { execFileSync } from 'node:child_process';
import { SchemaCheckError } from './check-errors';

/**
 * Variables that would point git at another repository than the one around `dir` (they are set,
 * for example, inside git hooks); every call here finds its repository from the folder instead.
 */
const REPOSITORY_OVERRIDES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'];

function environment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of REPOSITORY_OVERRIDES) delete env[name];
  return env;
}

type GitResult = { ok: true; stdout: string } | { ok: false; stderr: string };

function git(dir: string, args: readonly string[]): GitResult {
  try {
    const stdout = execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      env: environment(),
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, stdout };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') return { ok: false, stderr: 'git is not installed' };
    return { ok: false, stderr: String(failure.stderr ?? failure.message).trim() };
  }
}

/** The git checkout holding a folder, as far as the schema check needs it. */
export class GitCheckout {
  private constructor(
    private readonly dir: string,
    /** The folder's path inside the repository, '' or ending in '/' (as `git rev-parse --show-prefix`). */
    readonly prefix: string,
  ) {}

  /** The checkout around `dir`, or undefined when `dir` is not inside one (or git is missing). */
  static around(dir: string): GitCheckout | undefined {
    const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
    if (!inside.ok || inside.stdout.trim() !== 'true') return undefined;
    return new GitCheckout(dir, this.required(git(dir, ['rev-parse', '--show-prefix']), 'rev-parse').trim());
  }

  private static required(result: GitResult, what: string): string {
    if (!result.ok) throw new SchemaCheckError('GIT_FAILED', `git ${what} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** The full commit id a revision names, or undefined when this clone does not have it. */
  commitOf(revision: string): string | undefined {
    const result = git(this.dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    return result.ok ? result.stdout.trim() : undefined;
  }

  mergeBase(left: string, right: string): string | undefined {
    const result = git(this.dir, ['merge-base', left, right]);
    return result.ok ? result.stdout.trim() : undefined;
  }

  isShallow(): boolean {
    const result = git(this.dir, ['rev-parse', '--is-shallow-repository']);
    return result.ok && result.stdout.trim() === 'true';
  }

  /** The files under this folder at a commit, relative to the folder. */
  filesAt(commit: string): string[] {
    const listing = GitCheckout.required(
      git(this.dir, ['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', '.']),
      'ls-tree',
    );
    return listing
      .split('\0')
      .filter(Boolean)
      .map((path) => path.slice(this.prefix.length));
  }

  /** A file's content at a commit, by its path relative to this folder. */
  fileAt(commit: string, path: string): string {
    return GitCheckout.required(git(this.dir, ['show', `${commit}:${this.prefix}${path}`]), 'show');
  }
}
