import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUserTokenMinter } from '@jembatan/gateway';
import { Client } from 'pg';
import { METRICS_PORT_OFFSET, readPrivateJwk, withDatabaseName, type DatabaseLocation } from '@jembatan/kit';
import { DisposableRedis, eventually, TEST_NAMESPACE, TEST_POSTGRES_URL, testDataFolder } from '@jembatan/kit/testing';
import { generateWorld } from '@jembatan/seed-world';
import { publishedBody } from '../harness/operations';
import { callerWith } from '../harness/test-identity';
import { copyTemplate } from '../harness/templates';
import { commandEnvironment, runCommand } from '../harness/run-command';
import { PgBouncer } from '../harness/ops/pgbouncer';
import { ensureDebianPackage } from '../harness/debian-package';
import { makeProductionKeys, mustSucceed } from '../harness/ops/production-keys';
import { ClusterNetwork, missingNetworkCapability, type Host } from '../harness/cluster/network';
import { HostProcess } from '../harness/cluster/host-process';
import { CHECK_FALL, CHECK_INTERVAL_MS, HaProxy } from '../harness/cluster/haproxy';
import { SteadyLoad, type PhaseFigures } from '../harness/cluster/steady-load';
import { Registrations, type SendOperation } from '../harness/cluster/registrations';
import { startPrivateNats } from '../harness/event-fixture-service';
import { keySeqsByKey, streamEvents } from '../harness/ops/stream-events';

/**
 * The cluster of issue 16 on one machine: hosts are network namespaces on a private bridge.
 * `lb` runs HAProxy in front of three gateway replicas (`gw1`–`gw3`) and of the two replicas of
 * each subgraph (`sg1`, `sg2`, each running workforce and bpjs); the root namespace is the
 * client and the data host (PostgreSQL through PgBouncer, Redis and NATS JetStream, on its
 * private address). Every service runs compiled, in production mode, with keys from `pnpm keys`.
 * A steady load of published cross-agency reads, and beside it of worker registrations whose
 * events BPJS acts on, runs through every fault.
 */
const ROOT = resolve(__dirname, '../..');
const missing = missingNetworkCapability();
const scratch = testDataFolder('cluster');
const keys = join(scratch, 'keys');

const GATEWAY_PORT = 4000;
const PORTS = { workforce: 4001, bpjs: 4002 } as const;
const LB = { gateway: 8080, workforce: 8081, bpjs: 8082 } as const;
const RATE = 10;
const WRITE_RATE = 2;
const SHUTDOWN_GRACE_MS = 5_000;

const HR = callerWith('dki_hr');
const world = generateWorld('demo');
const enrolled = new Set(world.participants.map((participant) => participant.nik));
const niks = world.workers.map((worker) => worker.nik).filter((nik) => enrolled.has(nik));
const WORKER_ENROLMENT = publishedBody('WorkerEnrolment');

let network: ClusterNetwork | undefined;
let bouncer: PgBouncer | undefined;
let redis: DisposableRedis | undefined;
let nats: Awaited<ReturnType<typeof startPrivateNats>> | undefined;
let haproxy: HaProxy | undefined;
const gateways = new Map<string, HostProcess>();
const subgraphs: HostProcess[] = [];
let userToken = '';
let databases: Record<'workforce' | 'bpjs', string>;

const databaseNameOf = (location: DatabaseLocation) => new URL((location as { url: string }).url).pathname.slice(1);

function startGateway(name: string): HostProcess {
  const host = network!.host(name);
  const lb = network!.host('lb').address;
  const process = HostProcess.start(name, host, 'node', [join(ROOT, 'gateway/dist/main.js')], {
    NODE_ENV: 'production',
    HOST: host.address,
    GATEWAY_PORT: String(GATEWAY_PORT),
    WORKFORCE_URL: `http://${lb}:${LB.workforce}/graphql`,
    BPJS_URL: `http://${lb}:${LB.bpjs}/graphql`,
    GATEWAY_SIGNING_KEY_PATH: join(keys, 'gateway-signing.private.jwk.json'),
    AUTH_ISSUER: 'jembatan-test-idp',
    AUTH_JWKS_PATH: join(keys, 'test-idp.jwks.json'),
    REDIS_URL: redis!.url,
    // Metrics on the host's private address, for the test to read from the client host.
    METRICS_HOST: host.address,
    RATE_LIMIT_POINTS: '1000000',
    SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
  });
  gateways.set(name, process);
  return process;
}

function startSubgraph(subgraph: 'workforce' | 'bpjs', host: Host): HostProcess {
  const prefix = subgraph.toUpperCase();
  const process = HostProcess.start(
    `${subgraph}@${host.namespace}`,
    host,
    'node',
    [join(ROOT, `subgraphs/${subgraph}/dist/main.js`)],
    {
      NODE_ENV: 'production',
      HOST: host.address,
      [`${prefix}_PORT`]: String(PORTS[subgraph]),
      [`${prefix}_DATABASE_URL`]: bouncer!.url(subgraph),
      GATEWAY_PUBLIC_KEYS_PATH: join(keys, 'gateway-public.jwks.json'),
      CURSOR_KEYS_PATH: join(keys, `${subgraph}-cursor.keys.json`),
      NATS_URL: nats!.url,
      REDIS_URL: redis!.url,
      METRICS_HOST: host.address,
      SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
    },
  );
  subgraphs.push(process);
  return process;
}

const readyUrl = (host: Host, port: number) => `http://${host.address}:${port}/ready`;

/** One published operation through the load balancer: whole, or why not. */
const throughGateway: SendOperation = async (body, variables, whole) => {
  let response: Response;
  try {
    response = await fetch(`http://${network!.host('lb').address}:${LB.gateway}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${userToken}`,
        'x-purpose': 'HR_ADMINISTRATION',
      },
      body: JSON.stringify({ query: body, variables }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { failure: `network ${cause}` };
  }
  const servedBy = response.headers.get('x-served-by') ?? undefined;
  const text = await response.text();
  if (response.status !== 200) {
    // Who answered it: HAProxy itself (no server), or a gateway (named in x-served-by).
    return { failure: `http ${response.status} from ${servedBy ?? `haproxy: ${text.slice(0, 60)}`}`, servedBy };
  }
  const answer = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  if (answer.errors?.length) return { failure: `error ${answer.errors[0]!.extensions?.code}`, servedBy };
  if (!whole(answer.data ?? {})) return { failure: 'answer not whole', servedBy };
  return { servedBy };
};

/** One published cross-agency read: a random enrolled worker, whole with their BPJS side. */
const workerEnrolment = () =>
  throughGateway(WORKER_ENROLMENT, { nik: niks[Math.floor(Math.random() * niks.length)]! }, (data) =>
    Boolean((data as { worker?: { bpjs?: unknown } }).worker?.bpjs),
  );

/** Rows of one agency's database, read straight from PostgreSQL (not through the cluster). */
async function rowsOf<T>(agency: 'workforce' | 'bpjs', sql: string, parameters: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: withDatabaseName(TEST_POSTGRES_URL, databases[agency]) });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/** How many programmes BPJS enrolled each of these NIKs in. */
async function programmesAtBpjs(workers: string[]): Promise<Record<string, number>> {
  const rows = await rowsOf<{ nik: string; programmes: number }>(
    'bpjs',
    `SELECT p.nik, count(*)::int AS programmes FROM participant p JOIN enrollment e USING (kpj)
      WHERE p.nik = ANY($1) GROUP BY p.nik`,
    [workers],
  );
  return Object.fromEntries(rows.map((row) => [row.nik, row.programmes]));
}

const printPhases = (figures: PhaseFigures[]) =>
  figures.map(
    (phase) =>
      `  ${phase.phase.padEnd(16)} sent ${phase.sent}, answered ${phase.answered}, failed ${JSON.stringify(phase.failed)}, p50 ${phase.p50} ms, p99 ${phase.p99} ms`,
  );

/** The value of `jembatan_redis_up{use}` a service reports on its metrics port; undefined when it has none. */
async function redisUp(host: Host, metricsPort: number, use: string): Promise<number | undefined> {
  const text = await fetch(`http://${host.address}:${metricsPort}/metrics`).then((response) => response.text());
  const line = text
    .split('\n')
    .find((candidate) => candidate.startsWith('jembatan_redis_up{') && candidate.includes(`use="${use}"`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

/** Polls until every given service reports `value` for each use of Redis, within `timeoutMs`. */
async function waitForRedis(
  services: { host: Host; metricsPort: number; uses: string[] }[],
  value: number,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const seen = await Promise.all(
      services.flatMap(({ host, metricsPort, uses }) => uses.map((use) => redisUp(host, metricsPort, use))),
    );
    if (seen.every((up) => up === value)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`jembatan_redis_up not ${value}: ${seen.join(',')}`);
    await sleep(100);
  }
}

async function waitForState(backend: string, server: string, state: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if ((await haproxy!.serverStates(backend))[server] === state) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(
    `${backend}/${server} not ${state} within ${timeoutMs} ms: ${JSON.stringify(await haproxy!.serverStates(backend))}`,
  );
}

describe.skipIf(missing !== undefined)(`the cluster${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    await ensureDebianPackage('/usr/sbin/haproxy', 'haproxy');
    mustSucceed(
      await runCommand('pnpm', ['build', '--skip-playground'], { cwd: ROOT, env: commandEnvironment() }),
      'pnpm build',
    );
    await makeProductionKeys(keys);
    const mint = await createUserTokenMinter(readPrivateJwk(join(keys, 'test-idp.private.jwk.json')), {
      issuer: 'jembatan-test-idp',
      audience: 'jembatan',
    });
    userToken = await mint(HR, 3600);

    network = ClusterNetwork.create(TEST_NAMESPACE.slice(0, 6));
    const lb = network.addHost('lb', 2);
    for (const [name, octet] of [
      ['gw1', 11],
      ['gw2', 12],
      ['gw3', 13],
      ['sg1', 21],
      ['sg2', 22],
    ] as const) {
      network.addHost(name, octet);
    }
    databases = {
      workforce: databaseNameOf(await copyTemplate(inject('templates'), 'workforce')),
      bpjs: databaseNameOf(await copyTemplate(inject('templates'), 'bpjs')),
    };
    bouncer = await PgBouncer.start({
      folder: testDataFolder('cluster-pgbouncer'),
      server: { host: '127.0.0.1', port: 5432 },
      databases,
      poolSize: 10,
      host: network.rootAddress,
    });
    redis = await DisposableRedis.onFreePort(network.rootAddress);
    await redis.start();
    nats = await startPrivateNats(join(scratch, 'nats'), undefined, network.rootAddress);

    const haproxyFolder = join(scratch, 'haproxy');
    mkdirSync(haproxyFolder, { recursive: true });
    const subgraphServers = (port: number) =>
      ['sg1', 'sg2'].map((name) => ({ name, address: network!.host(name).address, port }));
    haproxy = HaProxy.start(
      lb,
      [
        {
          name: 'gateway',
          port: LB.gateway,
          servers: ['gw1', 'gw2', 'gw3'].map((name) => ({
            name,
            address: network!.host(name).address,
            port: GATEWAY_PORT,
          })),
          retryOn: 'conn-failure empty-response',
          serverTimeout: '20s',
        },
        ...(['workforce', 'bpjs'] as const).map((subgraph) => ({
          name: subgraph,
          port: LB[subgraph],
          servers: subgraphServers(PORTS[subgraph]),
          retryOn: 'conn-failure empty-response response-timeout 502 503 504',
          serverTimeout: '1500ms',
        })),
      ],
      haproxyFolder,
    );

    for (const name of ['sg1', 'sg2'])
      for (const subgraph of ['workforce', 'bpjs'] as const) startSubgraph(subgraph, network.host(name));
    await Promise.all(
      ['sg1', 'sg2'].flatMap((name, index) =>
        (['workforce', 'bpjs'] as const).map((subgraph, which) =>
          subgraphs[index * 2 + which]!.readyAt(readyUrl(network!.host(name), PORTS[subgraph]), 120_000),
        ),
      ),
    );
    for (const name of ['gw1', 'gw2', 'gw3']) startGateway(name);
    await Promise.all(
      ['gw1', 'gw2', 'gw3'].map((name) =>
        gateways.get(name)!.readyAt(readyUrl(network!.host(name), GATEWAY_PORT), 120_000),
      ),
    );
    for (const name of ['gw1', 'gw2', 'gw3']) await waitForState('gateway', name, 'UP', 10_000);
    // Each gateway's first requests compile its query plan and warm its JIT: not a phase's figure.
    for (let request = 0; request < 9; request += 1) await workerEnrolment();
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...gateways.values(), ...subgraphs].map((process) => process.stop(3_000)));
    if (haproxy) await haproxy.process.stop(3_000);
    await bouncer?.stop();
    await redis?.kill();
    await nats?.kill('SIGKILL');
    network?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('survives a killed replica, a cut link, a rolling restart and a Redis restart under steady load', async () => {
    const load = new SteadyLoad(workerEnrolment, { perSecond: RATE, maxRequests: RATE * 90, maxSeconds: 90 });
    const registrations = new Registrations(TEST_NAMESPACE, throughGateway);
    const writes = new SteadyLoad(registrations.next, {
      perSecond: WRITE_RATE,
      maxRequests: WRITE_RATE * 90,
      maxSeconds: 90,
    });
    const enter = (phase: string) => {
      load.enter(phase);
      writes.enter(phase);
    };
    load.start('steady');
    writes.start('steady');
    await sleep(3_000);

    // 1. kill -9 one gateway replica.
    enter('kill -9 gw2');
    // Kill while requests are in flight, so the phase shows what happens to them (bounded wait).
    for (let wait = 0; wait < 40 && load.requestsInFlight === 0; wait += 1) await sleep(5);
    const inFlightAtKill = load.requestsInFlight;
    const writesInFlightAtKill = writes.requestsInFlight;
    gateways.get('gw2')!.signal('SIGKILL');
    const killedAt = performance.now();
    const downAfterMs = await waitForState('gateway', 'gw2', 'DOWN', 10_000);
    await sleep(2_000);
    startGateway('gw2');
    await gateways.get('gw2')!.readyAt(readyUrl(network!.host('gw2'), GATEWAY_PORT), 60_000);
    await waitForState('gateway', 'gw2', 'UP', 10_000);

    // 2. cut one subgraph host's link, then bring it back.
    enter('link sg1 cut');
    network!.setLink('sg1', 'down');
    const cutDownMs = await Promise.all(
      ['workforce', 'bpjs'].map((backend) => waitForState(backend, 'sg1', 'DOWN', 10_000)),
    );
    await sleep(2_000);
    enter('link sg1 back');
    network!.setLink('sg1', 'up');
    await Promise.all(['workforce', 'bpjs'].map((backend) => waitForState(backend, 'sg1', 'UP', 15_000)));

    // 3. rolling restart of the three gateways, one by one, with SIGTERM.
    enter('rolling restart');
    for (const name of ['gw1', 'gw2', 'gw3']) {
      await gateways.get(name)!.stop();
      startGateway(name);
      await gateways.get(name)!.readyAt(readyUrl(network!.host(name), GATEWAY_PORT), 60_000);
      await waitForState('gateway', name, 'UP', 10_000);
    }

    // 4. Redis restarted: every replica carries on without it, then shares again.
    enter('redis restart');
    const redisUsers = [
      ...['gw1', 'gw2', 'gw3'].map((name) => ({
        host: network!.host(name),
        metricsPort: GATEWAY_PORT + METRICS_PORT_OFFSET,
        uses: ['rate_limits', 'response_cache'],
      })),
      ...['sg1', 'sg2'].flatMap((name) =>
        (['workforce', 'bpjs'] as const).map((subgraph) => ({
          host: network!.host(name),
          metricsPort: PORTS[subgraph] + METRICS_PORT_OFFSET,
          uses: ['replay_guard'],
        })),
      ),
    ];
    await redis!.kill();
    const perReplicaAfterMs = await waitForRedis(redisUsers, 0, 10_000);
    await sleep(1_000);
    await redis!.start();
    const sharedAgainAfterMs = await waitForRedis(redisUsers, 1, 10_000);
    await sleep(1_000);
    await Promise.all([load.stop(), writes.stop()]);
    const loadEnded = performance.now();

    // Every registration reaches BPJS, once: a lost answer is sent again with its key, as a client would.
    const unanswered = registrations.sent.filter((registration) => !registration.answered).length;
    expect(await registrations.retryUnanswered()).toEqual([]);
    const registered = registrations.sent.map((registration) => registration.nik);
    const programmes = await eventually(
      () => programmesAtBpjs(registered),
      (seen) => registered.every((nik) => seen[nik] === 3),
      60_000,
    );
    const enrolledAfterMs = performance.now() - loadEnded;
    const keysOfRegistered = registered.map((nik) => `nik:${nik}`);
    const outbox = await rowsOf<{ id: string; ordering_key: string; key_seq: number }>(
      'workforce',
      'SELECT id, ordering_key, key_seq::int FROM outbox_event WHERE ordering_key = ANY($1) ORDER BY position',
      [keysOfRegistered],
    );
    const inbox = await rowsOf<{ id: string }>(
      'bpjs',
      "SELECT id FROM inbox_event WHERE source = 'workforce' AND ordering_key = ANY($1)",
      [keysOfRegistered],
    );
    const relayed = (await streamEvents(nats!.url, 'JEMBATAN_EVENTS_WORKFORCE')).filter((event) =>
      keysOfRegistered.includes(event.orderingKey),
    );

    const figures = load.figures();
    const writeFigures = writes.figures();
    console.log(
      [
        `cluster: ${load.outcomes.length} requests at ${RATE}/s, in flight at kill -9: ${inFlightAtKill}, ` +
          `gw2 DOWN in HAProxy after ${Math.round(downAfterMs)} ms (checks every ${CHECK_INTERVAL_MS} ms, fall ${CHECK_FALL}), ` +
          `sg1 DOWN after ${cutDownMs.map(Math.round).join('/')} ms (workforce/bpjs), ` +
          `Redis away: every replica on its own after ${Math.round(perReplicaAfterMs)} ms, sharing again ${Math.round(sharedAgainAfterMs)} ms after it was back`,
        ...printPhases(figures),
        `registrations at ${WRITE_RATE}/s, in flight at kill -9: ${writesInFlightAtKill}, ${unanswered} sent again ` +
          `with their key; all ${registered.length} enrolled at BPJS ${Math.round(enrolledAfterMs)} ms after the load ` +
          `ended, from ${outbox.length} events (${relayed.length} in the stream, ${inbox.length} in BPJS's inbox)`,
        ...printPhases(writeFigures),
      ].join('\n'),
    );
    // A phase shorter than the writes' interval may hold no registration: none failed in it.
    const failedIn = (of: PhaseFigures[], phase: string) => {
      const entry = of.find((candidate) => candidate.phase === phase);
      return entry ? entry.sent - entry.answered : 0;
    };
    expect(killedAt).toBeGreaterThan(0);
    // Only requests in flight on the killed replica may fail, at most as many as were in flight.
    expect(failedIn(figures, 'kill -9 gw2')).toBeLessThanOrEqual(inFlightAtKill);
    expect(failedIn(writeFigures, 'kill -9 gw2')).toBeLessThanOrEqual(writesInFlightAtKill);
    expect(downAfterMs).toBeLessThanOrEqual(CHECK_INTERVAL_MS * (CHECK_FALL + 2));
    for (const phase of ['steady', 'link sg1 cut', 'link sg1 back', 'rolling restart', 'redis restart']) {
      expect([phase, failedIn(figures, phase)]).toEqual([phase, 0]);
      expect([`write ${phase}`, failedIn(writeFigures, phase)]).toEqual([`write ${phase}`, 0]);
    }
    for (const phase of figures) expect(phase.sent).toBeGreaterThan(0);
    // Each worker registered once, enrolled once in JKK, JKM and JHT, from events each published
    // to the stream once (what every consumer is delivered), in their key's order, applied once.
    expect(Object.values(programmes).every((count) => count === 3)).toBe(true);
    expect(outbox.filter((row) => row.key_seq === 1)).toHaveLength(registered.length);
    expect(relayed.map((event) => event.id).sort()).toEqual(outbox.map((row) => row.id).sort());
    expect(keySeqsByKey(relayed)).toEqual(
      keySeqsByKey(outbox.map((row) => ({ orderingKey: row.ordering_key, keySeq: row.key_seq }))),
    );
    expect(inbox.map((row) => row.id).sort()).toEqual(outbox.map((row) => row.id).sort());
  }, 180_000);
});
