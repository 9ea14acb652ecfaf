import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ensurePlaygroundBundle } from '@jembatan/gateway/src/playground/playground-bundle';
import { mainEntryOf, REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';

/**
 * `pnpm start`: every registered agency subgraph (subgraphs/registry/subgraphs.json) and the
 * gateway, each its own process, as they run in production, with their log lines prefixed.
 * Ctrl-C (or SIGTERM) stops them all cleanly; if one dies, the others are stopped too, so a
 * half-running system is never left behind.
 */
const ROOT = resolve(__dirname, '..');
const GATEWAY = { name: 'gateway', entry: 'gateway/src/main.ts', port: process.env.GATEWAY_PORT ?? '4000' };
const SERVICES = [
  ...REGISTERED_AGENCIES.map((agency) => ({
    name: agency.name,
    entry: mainEntryOf(agency.name),
    // An empty variable means "not set", as each service's own configuration reads it.
    port: process.env[`${agency.envPrefix}_PORT`] || String(agency.port),
  })),
  GATEWAY,
];
const NAME_WIDTH = Math.max(...SERVICES.map((service) => service.name.length));
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
    for (const line of lines) out.write(`${name.padEnd(NAME_WIDTH)} | ${line}\n`);
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
      const gateway = `http://localhost:${GATEWAY.port}/graphql`;
      console.log(`Jembatan ready in ${seconds} s: send queries to ${gateway}. Ctrl-C stops all.`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

console.log(
  `Jembatan starting ${REGISTERED_AGENCIES.map((agency) => agency.name).join(', ')} and the gateway (a first start creates and seeds data/).`,
);
void announceReady(Date.now()).then(buildPlayground);

/**
 * Builds the playground's page when it is missing or older than its sources, once the services
 * are up (a build takes seconds of both cores); until then the gateway answers `/` with how to
 * build it.
 */
async function buildPlayground() {
  if (stopping || process.env.PLAYGROUND === 'off') return;
  const page = `http://localhost:${process.env.GATEWAY_PORT || '4000'}/`;
  try {
    const { state, buildMs } = await ensurePlaygroundBundle();
    const built = state === 'fresh' ? 'up to date' : `built in ${(buildMs / 1000).toFixed(1)} s`;
    console.log(`playground | ${built}: open ${page}`);
  } catch (error) {
    console.error(`playground | not built, ${page} answers 503: ${(error as Error).message}`);
  }
}
