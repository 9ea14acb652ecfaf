import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const ROOT = resolve(__dirname, '../..');

export interface ServiceProcess {
  pid: number;
  /** Where the service listens, e.g. http://127.0.0.1:4001. */
  origin: string;
  output(): string;
  /** SIGTERM, as an orchestrator stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts one service's `main` as its own process with exactly the given environment (plus PATH),
 * and resolves once it answers `/ready` with 200, or rejects with what it printed.
 */
export async function startServiceProcess(
  entry: string,
  origin: string,
  env: Record<string, string>,
  timeoutMs = 150_000,
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, [...RUN_FROM_SOURCE, entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}) before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${entry} was not ready within ${timeoutMs} ms:\n${output}`);
    }
    const ready = await fetch(`${origin}/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return { pid: child.pid!, origin, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
}
