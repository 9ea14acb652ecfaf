import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createUserTokenMinter } from '@jembatan/gateway';
import { readPrivateJwk, type Caller, type Purpose } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { freePort } from '../harness/free-port';
import { publishedBody } from '../harness/operations';
import { runCommand } from '../harness/run-command';
import { startServiceProcess, type ServiceProcess } from '../harness/service-process';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

/**
 * What each service costs in memory and CPU, as the Kubernetes requests and limits need it: the
 * three services as production runs them (each its own process, NODE_ENV=production, keys from
 * `pnpm keys`, both subgraphs on the PostgreSQL server, demo preset), sampled from /proc while
 * idle and then under the soak's mix of published operations at a fixed concurrency. Prints
 * resident memory (idle, peak) and CPU in cores (idle, mean and peak over 1 s windows) per
 * service. A script, not a test: the numbers move with the machine and its load.
 *
 *   node --conditions=jembatan-source -r @swc-node/register test/bench/service-resources.bench.ts [--seconds 30] [--concurrency 16]
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '16' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
  strict: true,
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const ROOT = resolve(__dirname, '../..');
const CLOCK_TICKS_PER_SECOND = 100;

const world = generateWorld('demo');
const unitCodes = world.units.map((unit) => unit.code);
const staffedUnits = [...new Set(world.workers.map((worker) => worker.unitCode))];
const enrolled = new Set(world.participants.map((participant) => participant.nik));
const niks = world.workers.map((worker) => worker.nik).filter((nik) => enrolled.has(nik));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

const ANALYST = {
  caller: { subject: 'bench-analyst', agency: 'bench', roles: ['analyst'] } as Caller,
  purpose: 'STATISTICS' as Purpose,
};
const HR = {
  caller: { subject: 'bench-hr', agency: 'bench', roles: ['dki_hr'] } as Caller,
  purpose: 'HR_ADMINISTRATION' as Purpose,
};
/** The soak's mix (test/bench/soak.bench.ts), by weight. */
const MIX = [
  ...Array(2).fill(() => ({ name: 'WorkforceByCategory', variables: {}, as: ANALYST })),
  ...Array(2).fill(() => ({ name: 'ClaimsByProgram', variables: { year: 2016 }, as: ANALYST })),
  ...Array(2).fill(() => ({ name: 'UnitCoverage', variables: { code: pick(unitCodes) }, as: ANALYST })),
  ...Array(2).fill(() => ({ name: 'UnitDirectory', variables: { first: 50 }, as: HR })),
  () => ({ name: 'UnitStaffWithBpjs', variables: { code: pick(staffedUnits), first: 20 }, as: HR }),
  ...Array(3).fill(() => ({ name: 'WorkerEnrolment', variables: { nik: pick(niks) }, as: HR })),
] as (() => { name: string; variables: Record<string, unknown>; as: typeof ANALYST })[];

interface Sample {
  at: number;
  rssBytes: number;
  cpuTicks: number;
}

function sample(pid: number): Sample {
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  // Fields after the command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { at: performance.now(), rssBytes: rssKb * 1024, cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** Samples every service every second while `during` runs. */
async function observe(services: Record<string, ServiceProcess>, during: Promise<unknown>) {
  const series = Object.fromEntries(Object.keys(services).map((name) => [name, [] as Sample[]]));
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    for (const [name, service] of Object.entries(services)) series[name]!.push(sample(service.pid));
    await new Promise((r) => setTimeout(r, 1000));
  }
  for (const [name, service] of Object.entries(services)) series[name]!.push(sample(service.pid));
  return Object.fromEntries(
    Object.entries(series).map(([name, samples]) => {
      const cores = samples
        .slice(1)
        .map((s, i) => (s.cpuTicks - samples[i]!.cpuTicks) / CLOCK_TICKS_PER_SECOND / ((s.at - samples[i]!.at) / 1000));
      const first = samples[0]!;
      const last = samples[samples.length - 1]!;
      return [
        name,
        {
          rssPeakMb: Math.max(...samples.map((s) => s.rssBytes)) / 2 ** 20,
          rssEndMb: last.rssBytes / 2 ** 20,
          coresMean: (last.cpuTicks - first.cpuTicks) / CLOCK_TICKS_PER_SECOND / ((last.at - first.at) / 1000),
          coresPeak: Math.max(...cores),
        },
      ];
    }),
  );
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'jembatan-resources-'));
  const keys = join(scratch, 'keys');
  const suffix = randomBytes(4).toString('hex');
  const databases = { workforce: `jembatan_resources_${suffix}_workforce`, bpjs: `jembatan_resources_${suffix}_bpjs` };
  const admin = new Client({ connectionString: values['postgres-url'] });
  await admin.connect();
  const services: Record<string, ServiceProcess> = {};
  try {
    const made = await runCommand(process.execPath, [...RUN_FROM_SOURCE, 'scripts/keys.ts', '--out', keys], {
      cwd: ROOT,
    });
    if (made.code !== 0) throw new Error(made.stderr);
    for (const name of Object.values(databases)) await admin.query(`CREATE DATABASE ${name}`);
    const urlOf = (database: string) => {
      const url = new URL(values['postgres-url']!);
      url.pathname = `/${database}`;
      return url.toString();
    };
    const [gatewayPort, workforcePort, bpjsPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const common = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      SEED_PRESET: 'demo',
      GATEWAY_PUBLIC_KEYS_PATH: join(keys, 'gateway-public.jwks.json'),
      EVENTS_TRANSPORT: 'embedded',
      EVENTS_SIGNING_KEY_PATH: join(keys, 'events-signing.private.jwk.json'),
      EVENTS_PUBLIC_KEYS_PATH: join(keys, 'events-public.jwks.json'),
    };
    const started = performance.now();
    [services.workforce, services.bpjs] = await Promise.all([
      startServiceProcess('subgraphs/workforce/src/main.ts', `http://127.0.0.1:${workforcePort}`, {
        ...common,
        WORKFORCE_PORT: String(workforcePort),
        WORKFORCE_DATABASE_URL: urlOf(databases.workforce),
        CURSOR_KEYS_PATH: join(keys, 'workforce-cursor.keys.json'),
      }),
      startServiceProcess('subgraphs/bpjs/src/main.ts', `http://127.0.0.1:${bpjsPort}`, {
        ...common,
        BPJS_PORT: String(bpjsPort),
        BPJS_DATABASE_URL: urlOf(databases.bpjs),
        CURSOR_KEYS_PATH: join(keys, 'bpjs-cursor.keys.json'),
      }),
    ]);
    services.gateway = await startServiceProcess('gateway/src/main.ts', `http://127.0.0.1:${gatewayPort}`, {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      GATEWAY_PORT: String(gatewayPort),
      WORKFORCE_URL: `http://127.0.0.1:${workforcePort}/graphql`,
      BPJS_URL: `http://127.0.0.1:${bpjsPort}/graphql`,
      GATEWAY_SIGNING_KEY_PATH: join(keys, 'gateway-signing.private.jwk.json'),
      AUTH_ISSUER: 'jembatan-test-idp',
      AUTH_JWKS_PATH: join(keys, 'test-idp.jwks.json'),
      RATE_LIMIT_POINTS: '100000000',
    });
    console.log(
      `started (seeded) in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    );

    const mint = await createUserTokenMinter(readPrivateJwk(join(keys, 'test-idp.private.jwk.json')), {
      issuer: 'jembatan-test-idp',
      audience: 'jembatan',
    });
    const tokens = new Map([
      [ANALYST, await mint(ANALYST.caller)],
      [HR, await mint(HR.caller)],
    ]);
    let answered = 0;
    const failures: string[] = [];
    const send = async () => {
      const request = pick(MIX)();
      const response = await fetch(`${services.gateway!.origin}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.get(request.as)}`,
          'x-purpose': request.as.purpose,
        },
        body: JSON.stringify({ query: publishedBody(request.name), variables: request.variables }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const failed = (body.errors ?? []).filter((error) => error.extensions?.code !== 'FORBIDDEN');
      if (response.status !== 200 || failed.length > 0)
        failures.push(`${request.name} ${response.status} ${JSON.stringify(failed[0])}`);
      else answered += 1;
    };
    const load = async (seconds: number) => {
      const deadline = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < deadline) await send();
        }),
      );
    };

    await load(5); // warm-up: plans, JIT, pools
    const idle = await observe(services, new Promise((r) => setTimeout(r, 10_000)));
    answered = 0;
    const busy = await observe(services, load(SECONDS));
    console.log(
      `load: ${CONCURRENCY} clients for ${SECONDS} s, ${answered} answered (${(answered / SECONDS).toFixed(0)}/s), ${failures.length} failed${failures[0] ? `: ${failures[0]}` : ''}`,
    );
    console.log(
      'service     idle RSS   idle CPU   load RSS peak   load CPU mean   load CPU peak (1 s)   CPU per answer',
    );
    for (const name of Object.keys(services)) {
      const i = idle[name]!;
      const b = busy[name]!;
      console.log(
        `${name.padEnd(10)} ${i.rssEndMb.toFixed(0).padStart(6)} MB ${i.coresMean.toFixed(3).padStart(9)} ${b.rssPeakMb.toFixed(0).padStart(12)} MB ${b.coresMean.toFixed(2).padStart(15)} ${b.coresPeak.toFixed(2).padStart(15)} ${((b.coresMean * SECONDS * 1000) / answered).toFixed(1).padStart(16)} ms`,
      );
    }
    console.log(`load after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  } finally {
    await Promise.all(Object.values(services).map((service) => service.stop()));
    for (const name of Object.values(databases)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
