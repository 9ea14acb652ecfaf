import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`${command} could not run: ${error.message}`)));
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/** Test files run in parallel: one apt-get at a time, and one `apt-get update` per test process. */
let queue: Promise<unknown> = Promise.resolve();
let updated = false;
/** dpkg's own lock, held by another test process's install, is waited for rather than failed on. */
const WAIT_FOR_DPKG = ['-o', 'DPkg::Lock::Timeout=600'];

/**
 * Installs a Debian package when the program it provides is missing, as CI (root, Debian's
 * registry reachable) needs on a clean machine. Fails loudly when it cannot: a test that skips
 * because its tool is missing proves nothing.
 */
export function ensureDebianPackage(program: string, packageName: string): Promise<void> {
  const installing = queue.then(async () => {
    if (existsSync(program)) return;
    if (process.getuid?.() !== 0) {
      throw new Error(`${program} is not installed; install it with: sudo apt-get install -y ${packageName}`);
    }
    if (!updated) await run('apt-get', [...WAIT_FOR_DPKG, 'update']);
    updated = true;
    await run('apt-get', [...WAIT_FOR_DPKG, 'install', '-y', '--no-install-recommends', packageName]);
    if (!existsSync(program)) throw new Error(`apt-get installed ${packageName}, but not ${program}`);
  });
  queue = installing.catch(() => undefined);
  return installing;
}
