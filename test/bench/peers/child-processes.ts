import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';

/** A service the bench started: its process id (for /proc) and where it answers. */
export interface StartedService {
  name: string;
  pid: number;
  origin: string;
  /** Where its stdout and stderr go: printed when it fails to start. */
  logPath: string;
}

const running = new Set<ChildProcess>();

/** Kills every child the bench started; runs on exit, Ctrl-C, SIGTERM and uncaught errors. */
export function killAllChildren(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

/**
 * Asks every child to stop (SIGTERM) and waits up to `graceMs` before killing the rest: a
 * service stopped this way writes what it keeps until exit, such as a `--cpu-prof` profile.
 */
export async function stopAllChildren(graceMs: number): Promise<void> {
  const alive = [...running].filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = alive.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of alive) child.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  killAllChildren();
}

process.on('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

export interface SpawnOptions {
  name: string;
  command: readonly string[];
  cwd: string;
  env: Record<string, string>;
  logPath: string;
}

/** Extra node flags for every service the bench starts (JEMBATAN_BENCH_NODE_FLAGS, split on spaces). */
const profilingFlags = (): string[] => (process.env.JEMBATAN_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** Kills `child` with the others when the bench stops, however it stops. */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Starts a node process (the executable itself, so its pid is the service's, not a wrapper's). */
export function spawnTracked(options: SpawnOptions): ChildProcess {
  const log = openSync(options.logPath, 'a');
  const [executable, ...args] = options.command;
  // For profiling a run: e.g. `--cpu-prof --cpu-prof-dir=profiles` (not allowed in NODE_OPTIONS).
  const nodeFlags = executable === process.execPath ? profilingFlags() : [];
  return track(
    spawn(executable!, [...nodeFlags, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] }),
  );
}

/** Waits until `origin/health` answers 200, failing early when the process exits. */
export async function waitForHealth(child: ChildProcess, name: string, origin: string, timeoutMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.signalCode ?? child.exitCode}) before it answered ${origin}/health`);
    }
    try {
      if ((await fetch(`${origin}/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer ${origin}/health within ${timeoutMs / 1000} s`);
}
