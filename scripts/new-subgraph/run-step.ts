import { spawn } from 'node:child_process';
import { GeneratorRefusal } from './generator-refusal';

/**
 * Runs one step of the generator (`pnpm install`, `pnpm schema:generate`) in the repository,
 * keeping its output to show only if it fails; resolves with the seconds it took.
 */
export function runStep(root: string, label: string, command: string, args: readonly string[]): Promise<number> {
  const started = performance.now();
  process.stdout.write(`${label}… `);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new GeneratorRefusal('STEP_FAILED', `${label}: ${error.message}`)));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) {
        process.stdout.write(`${seconds.toFixed(1)} s\n`);
        resolve(seconds);
      } else {
        process.stdout.write('failed\n');
        const reason = signal ?? `exit ${code}`;
        reject(new GeneratorRefusal('STEP_FAILED', `${label} failed (${reason}):\n${output.trimEnd()}`));
      }
    });
  });
}
