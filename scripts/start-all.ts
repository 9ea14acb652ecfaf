import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `pnpm start`: the two agency subgraphs and the gateway as three processes, as they run in
 * production, with their log lines prefixed. Ctrl-C (or SIGTERM) stops all three cleanly; if
 * one dies, the others are stopped too, so a half-running system is never left behind.
 */
const ROOT = resolve(__dirname, '..');
const SERVICES = [
  { name: 'workforce', entry: 'subgraphs/workforce/src/main.ts' },
  { name: 'bpjs', entry: 'subgraphs/bpjs/src/main.ts' },
  { name: 'gateway', entry: 'gateway/src/main.ts' },
] as const;

const children = new Map<string, ChildProcess>();
let stopping = false;

function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) out.write(`${name.padEnd(9)} | ${line}\n`);
  });
}

function stopAll(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill(signal);
}

for (const service of SERVICES) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', service.entry], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  prefixLines(service.name, child.stdout, process.stdout);
  prefixLines(service.name, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      console.error(`${service.name} exited (${signal ?? code}); stopping the others`);
      process.exitCode = 1;
      stopAll('SIGTERM');
    }
    if (children.size === 0) process.exit();
  });
}

process.on('SIGINT', () => stopAll('SIGTERM'));
process.on('SIGTERM', () => stopAll('SIGTERM'));

console.log(
  'Jembatan starting: gateway http://localhost:4000/graphql (workforce :4001, bpjs :4002). Ctrl-C stops all.',
);
