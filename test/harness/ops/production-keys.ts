import { resolve } from 'node:path';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';
import { commandEnvironment, runCommand, type CommandRun } from '../run-command';

const ROOT = resolve(__dirname, '../../..');

/** Throws with what a command printed unless it exited 0. */
export function mustSucceed(run: CommandRun, what: string): CommandRun {
  if (run.code !== 0) throw new Error(`${what} failed (${run.code}):\n${run.stdout}${run.stderr}`);
  return run;
}

/** `pnpm keys --out <folder>`: the keys a production start needs, as an operator makes them. */
export async function makeProductionKeys(folder: string): Promise<void> {
  mustSucceed(
    await runCommand(process.execPath, [...RUN_FROM_SOURCE, 'scripts/keys.ts', '--out', folder], {
      cwd: ROOT,
      env: commandEnvironment(),
    }),
    'pnpm keys',
  );
}
