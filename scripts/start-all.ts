import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `pnpm start`: the two agency subgraphs and the gateway as three processes, as they run in
 * production, with their log lines prefixed. Ctrl-C (or SIGTERM) stops all three cleanly; if
 * one dies, the others are stopped too, so a half-running system is never left behind.
 */
const ROOT = resolve(__dirname, '..');
const SERVICES = [
  { name: 'workforce', entry: 'subgraphs/workforce/src/main.ts', port: process.env.WORKFORCE_PORT ?? '4001' },
  { name: 'bpjs', entry: 'subgraphs/bpjs/src/main.ts', port: process.env.BPJS_PORT ?? '4002' },
  { name: 'gateway', entry: 'gateway/src/main.ts', port: process.env.GATEWAY_PORT ?? '4000' },
] as const;
const READY_TIMEOUT_MS = 120_000;

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

async function isHealthy(port: string): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
  } catch {
    return false;
  }
}

/** Tells the person at the terminal when every service answers, and where to send queries. */
async function announceReady(started: number) {
  while (!stopping && Date.now() - started < READY_TIMEOUT_MS) {
    const health = await Promise.all(SERVICES.map((service) => isHealthy(service.port)));
    if (health.every(Boolean)) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const gateway = `http://localhost:${SERVICES[2].port}/graphql`;
      console.log(`Jembatan ready in ${seconds} s: send queries to ${gateway}. Ctrl-C stops all.`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

console.log('Jembatan starting workforce, bpjs and the gateway (a first start creates and seeds data/).');
void announceReady(Date.now());
