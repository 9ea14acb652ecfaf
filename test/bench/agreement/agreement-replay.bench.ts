import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateWorld } from '@jembatan/seed-world';
import { freePort } from '../../harness/free-port';
import { startPrivateNats } from '../../harness/event-fixture-service';
import { median } from '../measure';
import { mintUserToken, writeBenchKeys, type BenchKeys } from '../peers/bench-keys';
import { dki2016Databases } from '../peers/bench-databases';
import { gatewayAuthEnvironment, baseEnvironment } from '../peers/bench-environment';
import { killAllChildren, spawnTracked, waitForHealth } from '../peers/child-processes';
import { loadAverage } from '../peers/process-stats';
import { serviceCommand } from '../peers/service-command';
import { histogramQuantile } from './lag-histogram';
import { replayProgress, resetForReplay, summaryDrift, type ReplayProgress } from './replay-databases';

/**
 * `pnpm bench:agreement`: the March 2016 enrolment replayed. The dki2016 databases on PostgreSQL
 * are taken back to the eve of the agreement (no PKP at DKI or BPJS), the services start compiled
 * in production mode, and the PKP are registered through the gateway's published RegisterWorkers
 * mutation, as units' HR screens would submit them: each unit's list in calls of `--batch`
 * workers, `--concurrency` calls at a time. The events do the
 * rest: BPJS enrols each PKP by itself and DKI records the cover it reports. It prints how long
 * until every PKP is enrolled and mirrored, writes per second, delivery lag p50/p99, and the
 * final count check (enrolled, duplicates, lost), per transport. Bounded in count (`--count`) and
 * time (`--max-minutes`). A script, not a test: it prints the load average as it goes.
 */
const USAGE = `Usage: pnpm bench:agreement [--count N] [--batch B] [--concurrency C] [--transports nats,embedded] [--max-minutes M]`;
const ROOT = resolve(__dirname, '../../..');
/** The published body, as the manifest holds it: the gateway trusts nothing else from an HR screen. */
const REGISTER_WORKERS = (
  JSON.parse(readFileSync(join(ROOT, 'schema/operations/manifest.json'), 'utf8')) as {
    operations: { name: string; body: string }[];
  }
).operations.find((operation) => operation.name === 'RegisterWorkers')!.body;

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '250000' },
    batch: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '4' },
    transports: { type: 'string', default: 'nats,embedded' },
    'max-minutes': { type: 'string', default: '30' },
    prefix: { type: 'string', default: 'jembatan_replay' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const COUNT = Number(values.count);
const BATCH = Number(values.batch);
const CONCURRENCY = Number(values.concurrency);
const MAX_MS = Number(values['max-minutes']) * 60_000;
const TRANSPORTS = values.transports!.split(',') as ('nats' | 'embedded')[];

interface Running {
  gateway: string;
  bpjsMetrics: string;
  workforceMetrics: string;
}

async function startServices(
  folder: string,
  keys: BenchKeys,
  databases: { workforce: string; bpjs: string },
  transport: 'nats' | 'embedded',
  natsUrl: string | undefined,
): Promise<Running> {
  const [workforcePort, bpjsPort, gatewayPort, workforceMetrics, bpjsMetrics, gatewayMetrics] = (await Promise.all(
    Array.from({ length: 6 }, () => freePort()),
  )) as [number, number, number, number, number, number];
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const events: Record<string, string> =
    transport === 'nats'
      ? { NATS_URL: natsUrl! }
      : {
          EVENTS_TRANSPORT: 'embedded',
          EVENTS_SIGNING_KEY_PATH: keys.paths.eventsSigningKey,
          EVENTS_PUBLIC_KEYS_PATH: keys.paths.eventsPublicKeys,
          EVENTS_PEERS: `workforce=${origin(workforcePort)},bpjs=${origin(bpjsPort)}`,
        };
  const start = async (name: string, packageDir: string, port: number, env: Record<string, string>) => {
    const child = spawnTracked({
      name,
      command: serviceCommand(ROOT, packageDir),
      cwd: ROOT,
      env: { ...baseEnvironment(join(folder, 'data')), ...env },
      logPath: join(folder, `${name}-${transport}.log`),
    });
    await waitForHealth(child, name, origin(port), 300_000).catch((error: unknown) => {
      console.error(readFileSync(join(folder, `${name}-${transport}.log`), 'utf8').slice(-3_000));
      throw error;
    });
  };
  const subgraph = (name: 'workforce' | 'bpjs', prefix: string, port: number, metrics: number) =>
    start(name, `subgraphs/${name}`, port, {
      [`${prefix}_PORT`]: String(port),
      [`${prefix}_METRICS_PORT`]: String(metrics),
      [`${prefix}_DATABASE_URL`]: databases[name],
      SEED_PRESET: 'none',
      GATEWAY_PUBLIC_KEYS_PATH: keys.paths.gatewayPublicKeys,
      CURSOR_KEYS_PATH: keys.paths.cursorKeysOf(name),
      ...events,
    });
  await Promise.all([
    subgraph('workforce', 'WORKFORCE', workforcePort, workforceMetrics),
    subgraph('bpjs', 'BPJS', bpjsPort, bpjsMetrics),
  ]);
  await start('gateway', 'gateway', gatewayPort, {
    ...gatewayAuthEnvironment(keys),
    GATEWAY_PORT: String(gatewayPort),
    GATEWAY_METRICS_PORT: String(gatewayMetrics),
    WORKFORCE_URL: `${origin(workforcePort)}/graphql`,
    BPJS_URL: `${origin(bpjsPort)}/graphql`,
    // One HR account submits the whole replay: per-caller rate limiting would measure the limiter.
    RATE_LIMIT_POINTS: '1000000000',
  });
  return {
    gateway: `${origin(gatewayPort)}/graphql`,
    bpjsMetrics: `${origin(bpjsMetrics)}/metrics`,
    workforceMetrics: `${origin(workforceMetrics)}/metrics`,
  };
}

interface Registration {
  seconds: number;
  /** Per call. */
  latenciesMs: number[];
  registered: number;
  /** Error codes of whole calls, and of refused workers. */
  errors: Map<string, number>;
}

type Pkp = ReturnType<typeof pkpOfDki2016>[number];

/** Each unit's PKP in lists of at most BATCH, in the world's order: what the units' HR screens submit. */
function unitLists(pkp: readonly Pkp[]): { unitCode: string; workers: Pkp[] }[] {
  const byUnit = new Map<string, Pkp[]>();
  for (const person of pkp) {
    const workers = byUnit.get(person.unitCode);
    if (workers) workers.push(person);
    else byUnit.set(person.unitCode, [person]);
  }
  return [...byUnit].flatMap(([unitCode, workers]) =>
    Array.from({ length: Math.ceil(workers.length / BATCH) }, (_, n) => ({
      unitCode,
      workers: workers.slice(n * BATCH, (n + 1) * BATCH),
    })),
  );
}

interface RegisterWorkersAnswer {
  data?: { registerWorkers: { registered: number; outcomes: { status: string; code: string | null }[] } | null };
  errors?: { extensions?: { code?: string } }[];
}

/** Registers every PKP through the gateway, `CONCURRENCY` lists at a time, each once (a retry would replay). */
async function registerAll(running: Running, token: string, pkp: readonly Pkp[], deadline: number) {
  const lists = unitLists(pkp);
  const latenciesMs: number[] = [];
  const errors = new Map<string, number>();
  const count = (code: string) => errors.set(code, (errors.get(code) ?? 0) + 1);
  let registered = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < lists.length && Date.now() < deadline) {
      const list = lists[next++]!;
      const sent = performance.now();
      try {
        const response = await fetch(running.gateway, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-purpose': 'HR_ADMINISTRATION',
          },
          body: JSON.stringify({
            query: REGISTER_WORKERS,
            operationName: 'RegisterWorkers',
            variables: {
              idempotencyKey: `replay-2016-${list.workers[0]!.nik}-${list.workers.length}`,
              unitCode: list.unitCode,
              workers: list.workers.map((person) => ({
                nik: person.nik,
                name: person.name,
                category: person.category,
                contractStart: person.contractStart,
                contractEnd: person.contractEnd,
                monthlyWage: person.monthlyWage,
              })),
            },
          }),
        });
        const body = (await response.json()) as RegisterWorkersAnswer;
        const code = body.errors?.[0]?.extensions?.code ?? (response.ok ? null : `HTTP_${response.status}`);
        if (code) count(code);
        const result = body.data?.registerWorkers;
        registered += result?.registered ?? 0;
        for (const outcome of result?.outcomes ?? []) if (outcome.code) count(outcome.code);
      } catch (error) {
        count((error as Error).name);
      }
      latenciesMs.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { seconds: (performance.now() - started) / 1000, latenciesMs, registered, errors } satisfies Registration;
}

function pkpOfDki2016() {
  return generateWorld('dki2016').workers.filter((worker) => worker.category === 'PKP');
}

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

async function lagOf(metricsUrl: string) {
  const text = await (await fetch(metricsUrl)).text();
  const metric = 'jembatan_event_delivery_lag_seconds';
  return { p50: histogramQuantile(text, metric, 0.5), p99: histogramQuantile(text, metric, 0.99) };
}

async function replay(
  transport: 'nats' | 'embedded',
  folder: string,
  keys: BenchKeys,
  databases: { workforce: string; bpjs: string },
) {
  const everyPkp = pkpOfDki2016();
  const pkp = everyPkp.slice(0, COUNT);
  const niks = pkp.map((person) => person.nik);
  console.log(`\n${transport}: resetting dki2016 to the eve of the agreement (${everyPkp.length} PKP out)`);
  await resetForReplay(
    databases,
    everyPkp.map((person) => person.nik),
  );
  const nats = transport === 'nats' ? await startPrivateNats(join(folder, `nats-${Date.now()}`)) : undefined;
  try {
    const running = await startServices(folder, keys, databases, transport, nats?.url);
    const token = await mintUserToken(keys, {
      subject: 'hr-replay-2016',
      roles: ['dki_hr'],
      purpose: 'HR_ADMINISTRATION',
    });
    const started = Date.now();
    const deadline = started + MAX_MS;
    const loads: number[] = [];
    let progress: ReplayProgress = { registered: 0, enrolled: 0, duplicates: 0, mirrored: 0 };
    let done = false;
    const watching = (async () => {
      while (!done && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5_000));
        progress = await replayProgress(databases, niks);
        loads.push(loadAverage());
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        console.log(
          `  ${seconds} s: registered ${progress.registered}, enrolled ${progress.enrolled}, mirrored ${progress.mirrored} (load ${loads.at(-1)!.toFixed(1)})`,
        );
        if (progress.enrolled >= pkp.length && progress.mirrored >= pkp.length) done = true;
      }
    })();
    const registration = await registerAll(running, token, pkp, deadline);
    await watching;
    progress = await replayProgress(databases, niks);
    const seconds = (Date.now() - started) / 1000;
    const sorted = [...registration.latenciesMs].sort((a, b) => a - b);
    const bpjsLag = await lagOf(running.bpjsMetrics);
    const dkiLag = await lagOf(running.workforceMetrics);
    return {
      transport,
      count: pkp.length,
      seconds,
      registrationSeconds: registration.seconds,
      calls: registration.latenciesMs.length,
      writesPerSecond: registration.registered / registration.seconds,
      latencyP50: percentile(sorted, 0.5),
      latencyP99: percentile(sorted, 0.99),
      errors: Object.fromEntries(registration.errors),
      bpjsLag,
      dkiLag,
      progress,
      lost: pkp.length - progress.enrolled,
      summaryDrift: await summaryDrift(databases.bpjs),
      load: median(loads),
    };
  } finally {
    killAllChildren();
    await nats?.kill('SIGKILL');
  }
}

function report(r: Awaited<ReturnType<typeof replay>>) {
  const fmt = (value: number | null) => (value === null ? '–' : `${value} s`);
  console.log(
    [
      `\nThe March 2016 enrolment replayed through the gateway, ${r.transport}:`,
      `  ${r.count} PKP in ${r.seconds.toFixed(0)} s until all enrolled and mirrored`,
      `  registration ${r.registrationSeconds.toFixed(0)} s in ${r.calls} calls of up to ${BATCH} (${CONCURRENCY} at a time): ${r.writesPerSecond.toFixed(0)} workers/s, per call p50 ${r.latencyP50.toFixed(0)} ms, p99 ${r.latencyP99.toFixed(0)} ms, errors ${JSON.stringify(r.errors)}`,
      `  delivery lag DKI → BPJS p50 ≤ ${fmt(r.bpjsLag.p50)}, p99 ≤ ${fmt(r.bpjsLag.p99)}; BPJS → DKI p50 ≤ ${fmt(r.dkiLag.p50)}, p99 ≤ ${fmt(r.dkiLag.p99)}`,
      `  final: registered ${r.progress.registered}, enrolled ${r.progress.enrolled}, duplicates ${r.progress.duplicates}, lost ${r.lost}, mirrored at DKI ${r.progress.mirrored}; BPJS summary rows off a recount: ${r.summaryDrift}; median load ${r.load.toFixed(1)}`,
    ].join('\n'),
  );
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'jembatan-agreement-'));
  try {
    const keys = await writeBenchKeys(folder, ['workforce', 'bpjs']);
    console.log('dki2016 on PostgreSQL (seeded once, reused by later runs):');
    const databases = await dki2016Databases(ROOT, values.prefix!);
    // Each transport's figures as soon as its replay ends, so a later failure does not hide them.
    for (const transport of TRANSPORTS) report(await replay(transport, folder, keys, databases));
  } finally {
    killAllChildren();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  killAllChildren();
  process.exit(1);
});
