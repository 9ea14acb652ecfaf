import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Caller, Purpose } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { savedOperation } from '../harness/operations';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph, type RunningSupergraph } from '../harness/supergraph';
import { callerWith } from '../harness/test-identity';
import { formatMs, median } from './measure';

/**
 * Load and soak: the whole system in this process on the demo preset (both subgraphs on PGlite,
 * the gateway, all on loopback), warmed up, then the saved operations in a realistic mix at a
 * fixed concurrency for a bounded time. Prints throughput, latency percentiles (overall and per
 * operation), errors, and memory after warm-up and at the end. Exits 1 on any error: under load
 * every answer must still be complete. A script, not a test: the numbers move with the machine.
 *
 *   pnpm bench:soak [--seconds 60] [--concurrency 16] [--warmup 5]
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '5' },
  },
  strict: true,
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const WARMUP_SECONDS = Number(values.warmup);
for (const [name, value] of Object.entries({ SECONDS, CONCURRENCY, WARMUP_SECONDS })) {
  if (!Number.isFinite(value) || value < 0 || (name !== 'WARMUP_SECONDS' && value < 1)) {
    throw new Error(`--${name.toLowerCase().replace('_seconds', '')} must be a positive number`);
  }
}
/** No request may hang the run: a stuck one fails after this long and counts as an error. */
const REQUEST_TIMEOUT_MS = 30_000;

const world = generateWorld('demo');

/** Deterministic choices (mulberry32), so two runs send the same sequence of requests. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(2016);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Asker {
  caller: Caller;
  purpose: Purpose;
}
const ANALYST: Asker = { caller: callerWith('analyst'), purpose: 'STATISTICS' };
const HR: Asker = { caller: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' };
/**
 * A person's own request, handled by both agencies together: the only asker granted a worker's
 * claims beside their contract, for that one person (X-Data-Subject: the NIK asked about).
 */
const JOINT_CASE: Asker = { caller: callerWith('dki_hr', 'bpjs_officer'), purpose: 'DATA_SUBJECT_REQUEST' };

interface Request {
  operation: string;
  variables: Record<string, unknown>;
  asker: Asker;
}

const unitCodes = world.units.map((unit) => unit.code);
const staffedUnits = [...new Set(world.workers.map((worker) => worker.unitCode))];
const enrolledNiks = new Set(world.participants.map((participant) => participant.nik));
const workerNiks = world.workers.map((worker) => worker.nik).filter((nik) => enrolledNiks.has(nik));

/**
 * What the screens and dashboards send, by weight: dashboards poll the aggregates, HR screens
 * look up workers and page through units' staff (each of those reads personal data, so each
 * writes an audit record in both agencies, and the trails grow as they would).
 */
const MIX: { weight: number; next: () => Request }[] = [
  { weight: 2, next: () => ({ operation: 'WorkforceByCategory', variables: {}, asker: ANALYST }) },
  {
    weight: 2,
    next: () => ({ operation: 'ClaimsByProgram', variables: { year: pick([2015, 2016]) }, asker: ANALYST }),
  },
  { weight: 2, next: () => ({ operation: 'UnitCoverage', variables: { code: pick(unitCodes) }, asker: ANALYST }) },
  { weight: 2, next: () => ({ operation: 'UnitDirectory', variables: { first: 50 }, asker: HR }) },
  {
    weight: 1,
    next: () => ({
      operation: 'UnitStaffWithBpjs',
      variables: { code: pick(staffedUnits), first: 20 },
      // HR's daily page: BPJS withholds the claims (FORBIDDEN at their paths), the rest arrives.
      asker: HR,
    }),
  },
  {
    weight: 3,
    next: () => ({
      operation: 'WorkerEnrolment',
      variables: { nik: pick(workerNiks) },
      asker: pick([HR, JOINT_CASE]),
    }),
  },
];
const TOTAL_WEIGHT = MIX.reduce((sum, entry) => sum + entry.weight, 0);

function nextRequest(): Request {
  let draw = random() * TOTAL_WEIGHT;
  for (const entry of MIX) {
    draw -= entry.weight;
    if (draw < 0) return entry.next();
  }
  return MIX[MIX.length - 1]!.next();
}

interface Outcome {
  operation: string;
  ms: number;
  error?: string;
}

function withTimeout<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Sends one request with a token minted beforehand: the client's signing is not what is measured. */
async function send(supergraph: RunningSupergraph, tokens: Map<Asker, string>, request: Request): Promise<Outcome> {
  const started = performance.now();
  try {
    const { status, text } = await withTimeout(
      REQUEST_TIMEOUT_MS,
      supergraph.post(JSON.stringify({ query: savedOperation(request.operation), variables: request.variables }), {
        as: null,
        purpose: request.asker.purpose,
        ...(request.asker.purpose === 'DATA_SUBJECT_REQUEST' && { dataSubject: String(request.variables.nik) }),
        headers: { authorization: `Bearer ${tokens.get(request.asker)}` },
      }),
    );
    const ms = performance.now() - started;
    const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
    // A field the asker's policy withholds is part of the answer; anything else is a failure.
    const failures = (body.errors ?? []).filter((error) => error.extensions?.code !== 'FORBIDDEN');
    if (status !== 200 || failures.length > 0) {
      return {
        operation: request.operation,
        ms,
        error: `${status} ${failures[0]?.message ?? text.slice(0, 200)}`,
      };
    }
    return { operation: request.operation, ms };
  } catch (error) {
    return { operation: request.operation, ms: performance.now() - started, error: String(error) };
  }
}

/** `concurrency` clients, each sending its next request as soon as the previous one is answered. */
async function runFor(seconds: number, concurrency: number, sendOne: () => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) outcomes.push(await sendOne());
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return outcomes;
}

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Memory after a full garbage collection, so heap used at the start and the end compare what is
 * still alive rather than when V8 last chose to collect. The flag is set from here because the
 * script runs as `node --conditions=jembatan-source -r @swc-node/register …`, without `--expose-gc`.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function settledMemory(): NodeJS.MemoryUsage {
  collectGarbage();
  return process.memoryUsage();
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function latencyLine(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    `${label.padEnd(22)} ${String(sorted.length).padStart(7)}  p50 ${formatMs(percentile(sorted, 0.5)).padStart(9)}` +
    `  p90 ${formatMs(percentile(sorted, 0.9)).padStart(9)}  p99 ${formatMs(percentile(sorted, 0.99)).padStart(9)}` +
    `  max ${formatMs(sorted[sorted.length - 1] ?? NaN).padStart(9)}`
  );
}

async function main() {
  console.log('loading the demo preset on PGlite…');
  const databases = await seedPresetDatabases('demo', 'pglite');
  const supergraph = await serveSupergraph(databases);
  try {
    const tokens = new Map<Asker, string>();
    const lifetime = WARMUP_SECONDS + SECONDS + 600;
    for (const asker of [ANALYST, HR, JOINT_CASE]) tokens.set(asker, await supergraph.tokenFor(asker.caller, lifetime));
    const sendOne = () => send(supergraph, tokens, nextRequest());

    // Every operation once, so a broken one stops the run before the clock starts.
    for (const entry of MIX) {
      const check = await send(supergraph, tokens, entry.next());
      if (check.error) throw new Error(`${check.operation} fails before any load: ${check.error}`);
    }
    console.log(`warming up for ${WARMUP_SECONDS} s at concurrency ${CONCURRENCY}…`);
    const warmup = await runFor(WARMUP_SECONDS, CONCURRENCY, sendOne);
    const warmupErrors = warmup.filter((outcome) => outcome.error).length;

    const memoryAtStart = settledMemory();
    const rssSamples: number[] = [memoryAtStart.rss];
    const sampler = setInterval(() => rssSamples.push(process.memoryUsage().rss), 1000);
    console.log(`soaking for ${SECONDS} s at concurrency ${CONCURRENCY}…`);
    const started = performance.now();
    const outcomes = await runFor(SECONDS, CONCURRENCY, sendOne);
    const elapsedSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const memoryAtEnd = settledMemory();
    rssSamples.push(memoryAtEnd.rss);

    const failures = outcomes.filter((outcome) => outcome.error);
    const byOperation = new Map<string, number[]>();
    for (const outcome of outcomes) {
      byOperation.set(outcome.operation, [...(byOperation.get(outcome.operation) ?? []), outcome.ms]);
    }

    console.log(
      `\n${outcomes.length} requests in ${elapsedSeconds.toFixed(1)} s at concurrency ${CONCURRENCY}: ` +
        `${(outcomes.length / elapsedSeconds).toFixed(1)} req/s, ${failures.length} errors ` +
        `(${warmupErrors} during warm-up)\n`,
    );
    console.log(
      latencyLine(
        'all',
        outcomes.map((outcome) => outcome.ms),
      ),
    );
    for (const [operation, samples] of [...byOperation].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(latencyLine(operation, samples));
    }
    console.log(
      `\nmemory (the whole system: gateway, both subgraphs, both PGlite databases and the load generator)\n` +
        `  RSS        after warm-up ${megabytes(memoryAtStart.rss)}, end ${megabytes(memoryAtEnd.rss)}, ` +
        `median ${megabytes(median(rssSamples))}, max ${megabytes(Math.max(...rssSamples))}\n` +
        `  heap used  after warm-up ${megabytes(memoryAtStart.heapUsed)}, end ${megabytes(memoryAtEnd.heapUsed)} ` +
        `(each after a full garbage collection)`,
    );
    for (const failure of failures.slice(0, 5)) console.error(`error: ${failure.operation}: ${failure.error}`);
    if (failures.length > 0 || warmupErrors > 0) process.exitCode = 1;
  } finally {
    await supergraph.stop();
    await databases.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
