import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { testDataFolder } from '@jembatan/kit/testing';

/** git with a fixed identity and nothing inherited that could point it at another repository. */
export function git(dir: string, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'user.name=Schema Check Spec', '-c', 'user.email=spec@jembatan.invalid', ...args],
    { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();
}

/** A throwaway folder in the temp folder. */
export class ScratchFolder {
  readonly root = testDataFolder('schema-check');

  /** Writes files (path relative to the folder → content). */
  write(files: Record<string, string>): void {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.root, path)), { recursive: true });
      writeFileSync(join(this.root, path), content);
    }
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A throwaway git repository, on branch main. */
export class ScratchRepository extends ScratchFolder {
  constructor() {
    super();
    git(this.root, 'init', '--quiet', '--initial-branch=main');
  }

  /** Writes files, commits everything, and returns the commit id. */
  commit(message: string, files: Record<string, string> = {}): string {
    this.write(files);
    git(this.root, 'add', '--all');
    git(this.root, 'commit', '--quiet', '--allow-empty', '-m', message);
    return git(this.root, 'rev-parse', 'HEAD');
  }

  /** A clone into a new scratch folder, as CI makes one (`git clone <url>`, plus any options). */
  clone(...options: string[]): ScratchFolder {
    const target = new ScratchFolder();
    git(target.root, 'clone', '--quiet', ...options, `file://${this.root}`, '.');
    return target;
  }
}
