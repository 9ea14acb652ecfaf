import { spawn } from 'node:child_process';

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * The environment for a command that runs its own tests or services: this test run's variables
 * without vitest's own (a nested vitest would otherwise take itself for one of our workers) and
 * without this run's namespace (a nested test run names, and at its end removes, its own).
 */
export function commandEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) =>
      !name.startsWith('VITEST') &&
      !['NODE_ENV', 'TEST', 'JEMBATAN_TEST_ENGINE', 'JEMBATAN_TEST_NAMESPACE'].includes(name),
  );
  return { ...Object.fromEntries(inherited), ...extra };
}

/** Runs a command to its end, keeping what it printed and how long it took. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? commandEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}
