import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const ROOT = resolve(__dirname, '../..');

/** Runs `pnpm seed` as an operator would (same script, real process) and returns its wall time in seconds. */
export function runSeedCommand(args: readonly string[], env: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...RUN_FROM_SOURCE, 'scripts/seed.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        WORKFORCE_DATABASE_URL: '',
        BPJS_DATABASE_URL: '',
        DATA_DIR: '',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? done((performance.now() - started) / 1000) : fail(new Error(`pnpm seed exited with ${code}`)),
    );
  });
}
