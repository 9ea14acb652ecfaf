import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const ROOT = resolve(__dirname, '../..');

export interface FixtureProcess {
  origin: string;
  output(): string;
  /** Sends the signal and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Resolves once the process is gone, however it ended. */
  exited: Promise<void>;
}

/**
 * Starts a process (a TypeScript entry run from source, or a binary) and resolves once `probe`
 * answers at all (any status): for services whose readiness is what the test is about.
 */
export async function startFixtureProcess(
  command: { entry: string } | { binary: string; args: string[] },
  probe: () => Promise<boolean>,
  env: Record<string, string>,
  origin = '',
  timeoutMs = 150_000,
): Promise<FixtureProcess> {
  const [file, args] =
    'entry' in command ? [process.execPath, [...RUN_FROM_SOURCE, command.entry]] : [command.binary, command.args];
  const child: ChildProcess = spawn(file, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${file} ${args.join(' ')} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer within ${timeoutMs} ms:\n${output}`);
    }
    if (await probe().catch(() => false)) return { origin, output: () => output, kill, exited };
    await new Promise((r) => setTimeout(r, 200));
  }
}
