import '@jembatan/kit/refuse-stale-build';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildProblems, RUN_FROM_SOURCE } from '@jembatan/kit/build';
import { ensurePlaygroundBundle } from '@jembatan/gateway/playground-bundle';
import { REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';

/**
 * `pnpm start`: every registered agency subgraph (subgraphs/registry/subgraphs.json) and the
 * gateway, each its own process, with their log lines prefixed. Ctrl-C (or SIGTERM) stops them
 * all cleanly; if one dies, the others are stopped too, so a half-running system is never left
 * behind. In development each service runs from its sources; with NODE_ENV=production each runs
 * its compiled output (`pnpm build`) with plain `node`, and none starts while any output is
 * missing or older than its sources.
 */
const ROOT = resolve(__dirname, '..');
const PRODUCTION = process.env.NODE_ENV === 'production';
const GATEWAY = { name: 'gateway', packageDir: 'gateway', port: process.env.GATEWAY_PORT ?? '4000' };
const SERVICES = [
  ...REGISTERED_AGENCIES.map((agency) => ({
    name: agency.name,
    packageDir: `subgraphs/${agency.name}`,
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

/** How a service's process runs: its compiled output in production, its sources under a transpiler otherwise. */
const commandOf = (packageDir: string): string[] =>
  PRODUCTION ? [join(packageDir, 'dist', 'main.js')] : [...RUN_FROM_SOURCE, join(packageDir, 'src', 'main.ts')];

if (PRODUCTION) {
  const problems = new Set(SERVICES.flatMap((service) => buildProblems(resolve(ROOT, service.packageDir))));
  if (problems.size > 0) {
    console.error([...problems].join('\n'));
    process.exit(1);
  }
}

/**
 * Without a broker the agencies push their events to each other over HTTP (the embedded
 * transport): each learns where the others listen from the registry, unless told otherwise.
 */
const EVENTS_PEERS =
  process.env.EVENTS_PEERS ||
  SERVICES.filter((service) => service !== GATEWAY)
    .map((service) => `${service.name}=http://127.0.0.1:${service.port}`)
    .join(',');

for (const service of SERVICES) {
  const child = spawn(process.execPath, commandOf(service.packageDir), {
    cwd: ROOT,
    env: { ...process.env, EVENTS_PEERS },
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

/** Where the agencies' data is and whether this start creates it: said once, truthfully, at the start. */
function describeData(): string {
  const env = process.env;
  const onPostgres = REGISTERED_AGENCIES.filter(
    (agency) => env.DATABASE_URL || env[`${agency.envPrefix}_DATABASE_URL`],
  );
  if (onPostgres.length === REGISTERED_AGENCIES.length) return 'on PostgreSQL';
  const dataDir = resolve(env.DATA_DIR || join(ROOT, 'data'));
  const missing = REGISTERED_AGENCIES.filter(
    (agency) => !onPostgres.includes(agency) && !existsSync(join(dataDir, agency.name)),
  );
  const seeded = env.SEED_PRESET || (PRODUCTION ? 'none' : 'demo');
  const where = onPostgres.length > 0 ? 'on PostgreSQL and embedded PGlite' : 'on embedded PGlite';
  if (missing.length === 0) return `${where}, with the data in ${dataDir}`;
  const creates = seeded === 'none' ? 'creates it empty' : `creates and seeds it with the ${seeded} preset`;
  return `${where}; this first start ${creates} in ${dataDir}`;
}

console.log(
  `Jembatan starting ${REGISTERED_AGENCIES.map((agency) => agency.name).join(', ')} and the gateway ${describeData()}.`,
);
void announceReady(Date.now()).then(buildPlayground);

/**
 * Builds the playground's page when it is missing or older than its sources, once the services
 * are up (a build takes seconds of both cores); until then the gateway answers `/` with how to
 * build it.
 */
async function buildPlayground() {
  // In production the page comes from `pnpm build`: vite is a development tool.
  if (stopping || PRODUCTION || process.env.PLAYGROUND === 'off') return;
  const page = `http://localhost:${process.env.GATEWAY_PORT || '4000'}/`;
  try {
    const { state, buildMs } = await ensurePlaygroundBundle();
    const built = state === 'fresh' ? 'up to date' : `built in ${(buildMs / 1000).toFixed(1)} s`;
    console.log(`playground | ${built}: open ${page}`);
  } catch (error) {
    // Ctrl-C during the build ends it; that is no failure worth reporting.
    if (stopping) return;
    console.error(`playground | not built, ${page} answers 503: ${(error as Error).message}`);
  }
}
