import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import {
  dropPostgresDatabase,
  ensurePostgresDatabase,
  openSubgraphDatabase,
  withDatabaseName,
  type Caller,
} from '@jembatan/kit';
import { workforceSubgraph } from '@jembatan/workforce';
import { eventually, testDatabaseName, testDataFolder, TEST_POSTGRES_URL, TEST_REDIS_URL } from '@jembatan/kit/testing';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';
import { freePort } from './harness';
import { PgBouncer } from './harness/ops/pgbouncer';
import { makeProductionKeys, mustSucceed } from './harness/ops/production-keys';
import { gatewayTokenClient } from './harness/ops/gateway-token-client';
import { keySeqsByKey, streamEvents } from './harness/ops/stream-events';
import { startPrivateNats } from './harness/event-fixture-service';
import { commandEnvironment, runCommand } from './harness/run-command';
import { startServiceProcess, type ServiceProcess } from './harness/service-process';

/**
 * PostgreSQL as operators run it: two replicas of one subgraph, in production mode, reach their
 * database only through a PgBouncer in transaction pooling mode with fewer server connections
 * than they have clients, and both relay the agency's outbox to NATS JetStream (a private
 * server); then the backup and restore docs/production.md documents.
 */
const ROOT = resolve(__dirname, '..');
const scratch = testDataFolder('pgbouncer');
const keys = join(scratch, 'keys');
const bouncerFolder = testDataFolder('pgbouncer-config');
const POOL_SIZE = 3;
const HR: Caller = { subject: 'pgbouncer-e2e-hr', agency: 'pemprov-dki', roles: ['dki_hr'] };
/** Names, NIKs and wages of a page of workers: a personal read, audited. */
const STAFF_PAGE = '{ workers(first: 3) { edges { node { nik name monthlyWage } } } }';
/** Bounds of the concurrent reads: whichever comes first. */
const READS = 800;
const READ_SECONDS = 40;
const CONCURRENCY = 8;
/** Workers registered then transferred, each by its own writer in turn, CONCURRENCY writers at once. */
const REGISTERED = 40;
const STREAM = 'JEMBATAN_EVENTS_WORKFORCE';

const direct = withDatabaseName(TEST_POSTGRES_URL, testDatabaseName('pgbouncer'));
const restored = withDatabaseName(TEST_POSTGRES_URL, testDatabaseName('restored'));
const fresh = withDatabaseName(TEST_POSTGRES_URL, testDatabaseName('fresh'));
const server = new URL(TEST_POSTGRES_URL);
const databaseName = new URL(direct).pathname.slice(1);
let bouncer: PgBouncer | undefined;
let nats: Awaited<ReturnType<typeof startPrivateNats>> | undefined;
const replicas: ServiceProcess[] = [];
/** Each replica's internal metrics origin, by its public origin. */
const metricsOf = new Map<string, string>();
let client: Awaited<ReturnType<typeof gatewayTokenClient>>;

/** `pnpm audit:verify --only workforce` against one database, as an operator runs it. */
const auditVerify = (url: string) =>
  runCommand(process.execPath, [...RUN_FROM_SOURCE, 'scripts/audit-verify.ts', '--only', 'workforce'], {
    cwd: ROOT,
    env: commandEnvironment({ WORKFORCE_DATABASE_URL: url, DATABASE_URL: '' }),
  });
async function queryOn<T>(url: string, sql: string): Promise<T[]> {
  const connection = new Client({ connectionString: url });
  await connection.connect();
  try {
    return (await connection.query(sql)).rows as T[];
  } finally {
    await connection.end();
  }
}
/** Runs the statements in one transaction; returns the last one's rows. */
async function inTransactionOn(url: string, statements: string[]): Promise<unknown[]> {
  const connection = new Client({ connectionString: url });
  await connection.connect();
  try {
    await connection.query('BEGIN');
    let rows: unknown[] = [];
    for (const statement of statements) rows = (await connection.query(statement)).rows;
    await connection.query('COMMIT');
    return rows;
  } finally {
    await connection.end();
  }
}
/** One series of a replica's /metrics, summed over its labels. */
async function metricOf(metricsOrigin: string, name: string): Promise<number> {
  const text = await (await fetch(`${metricsOrigin}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
/** Born in January 1990 in Tebet, with serials no seed world reaches. */
const nikOf = (index: number) => `317401${String((index % 28) + 1).padStart(2, '0')}0190${9000 + index}`;
const registration = (nik: string, index: number) => `mutation {
  registerWorker(idempotencyKey: "pgbouncer-register-${index}", input: {
    nik: "${nik}", name: "Pekerja ${index}", category: PKP, unitCode: "KEC-317401",
    contractStart: "2025-07-01", monthlyWage: "5400000"
  }) { worker { version } }
}`;
const transfer = (nik: string, index: number) => `mutation {
  transferWorker(idempotencyKey: "pgbouncer-transfer-${index}", input: {
    nik: "${nik}", expectedVersion: 1, toUnitCode: "KEC-317402", effectiveDate: "2025-10-01"
  }) { worker { version } }
}`;
const auditRecords = async (url: string) =>
  Number((await queryOn<{ count: string }>(url, 'SELECT count(*) FROM audit_log'))[0]!.count);

async function startReplica(): Promise<ServiceProcess> {
  const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
  metricsOf.set(`http://127.0.0.1:${port}`, `http://127.0.0.1:${metricsPort}`);
  return startServiceProcess('subgraphs/workforce/src/main.ts', `http://127.0.0.1:${port}`, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    WORKFORCE_PORT: String(port),
    WORKFORCE_METRICS_PORT: String(metricsPort),
    WORKFORCE_DATABASE_URL: bouncer!.url('workforce'),
    SEED_PRESET: 'demo',
    GATEWAY_PUBLIC_KEYS_PATH: join(keys, 'gateway-public.jwks.json'),
    CURSOR_KEYS_PATH: join(keys, 'workforce-cursor.keys.json'),
    NATS_URL: nats!.url,
    EVENTS_RELAY_POLL_MS: '50',
    REDIS_URL: TEST_REDIS_URL,
  });
}

beforeAll(async () => {
  await makeProductionKeys(keys);
  client = await gatewayTokenClient(join(keys, 'gateway-signing.private.jwk.json'), HR, 'HR_ADMINISTRATION');
  await ensurePostgresDatabase(direct);
  bouncer = await PgBouncer.start({
    folder: bouncerFolder,
    server: { host: server.hostname, port: Number(server.port || 5432) },
    databases: { workforce: databaseName, fresh: new URL(fresh).pathname.slice(1) },
    poolSize: POOL_SIZE,
  });
  nats = await startPrivateNats(join(scratch, 'nats'));
  replicas.push(...(await Promise.all([startReplica(), startReplica()])));
}, 300_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await bouncer?.stop();
  await nats?.kill('SIGKILL');
  await dropPostgresDatabase(direct);
  await dropPostgresDatabase(restored);
  await dropPostgresDatabase(fresh);
  for (const folder of [scratch, bouncerFolder]) rmSync(folder, { recursive: true, force: true });
});

describe('two replicas of a subgraph behind PgBouncer in transaction pooling mode', { timeout: 180_000 }, () => {
  it('migrate, seed and answer through it, on no more server connections than its pool', async () => {
    for (const replica of replicas) {
      const answer = await client.ask('workforce', replica.origin, '{ workforceStatistics { workerCount } }');
      expect(answer).toEqual({ status: 200, body: { data: { workforceStatistics: { workerCount: 3000 } } } });
    }
    const [connections] = await queryOn<{ count: string }>(
      TEST_POSTGRES_URL,
      `SELECT count(*) FROM pg_stat_activity WHERE datname = '${databaseName}'`,
    );
    expect(Number(connections!.count)).toBeLessThanOrEqual(POOL_SIZE);
  });

  it('migrate a new database once when several start on it at the same moment', async () => {
    await ensurePostgresDatabase(fresh);
    const location = { database: { url: bouncer!.url('fresh') }, createDatabase: false };
    const opened = await Promise.allSettled([1, 2, 3].map(() => openSubgraphDatabase(workforceSubgraph, location)));
    for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
    expect(opened.map((result) => (result.status === 'rejected' ? String(result.reason) : 'opened'))).toEqual([
      'opened',
      'opened',
      'opened',
    ]);
    const [migrations] = await queryOn<{ count: string }>(fresh, 'SELECT count(*) FROM migrations');
    expect(Number(migrations!.count)).toBe(workforceSubgraph.migrations.length);
  });

  it('share the replay guard through Redis: a token one replica accepted, the other refuses', async () => {
    const [first, second] = replicas;
    const token = await client.tokenFor('workforce', STAFF_PAGE);
    expect((await client.post(first!.origin, STAFF_PAGE, token)).status).toBe(200);
    const replayed = await client.post(second!.origin, STAFF_PAGE, token);
    expect(replayed.status).toBe(401);
    expect(replayed.body?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('relay one outbox to NATS from both under concurrent writes: every event once, in order per key', async () => {
    // Since each replica started: every event it handed to NATS.
    const publishedBy = async () =>
      Promise.all(
        replicas.map((replica) => metricOf(metricsOf.get(replica.origin)!, 'jembatan_events_published_total')),
      );
    const started = performance.now();
    const refused: unknown[] = [];
    let next = 0;
    // Each writer registers a worker through one replica and transfers them through the other.
    const writer = async () => {
      for (let index = next++; index < REGISTERED; index = next++) {
        const nik = nikOf(index);
        const [first, second] = index % 2 === 0 ? replicas : [...replicas].reverse();
        for (const [replica, mutation] of [
          [first!, registration(nik, index)],
          [second!, transfer(nik, index)],
        ] as const) {
          const answer = await client.ask('workforce', replica.origin, mutation);
          if (answer.status !== 200 || answer.body?.errors) refused.push(answer.body);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, writer));
    const wrote = performance.now();
    expect(refused).toEqual([]);

    const outbox = await queryOn<{ id: string; ordering_key: string; key_seq: string }>(
      direct,
      'SELECT id, ordering_key, key_seq FROM outbox_event ORDER BY position',
    );
    expect(outbox.filter((row) => row.ordering_key.startsWith('nik:')).length).toBeGreaterThanOrEqual(REGISTERED * 2);
    const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
    const { relayed, published } = await eventually(
      async () => ({ relayed: await streamEvents(nats!.url, STREAM), published: await publishedBy() }),
      (seen) => seen.relayed.length >= outbox.length && total(seen.published) >= outbox.length,
      30_000,
    );
    const drained = performance.now();
    console.log(
      `pgbouncer + NATS: ${REGISTERED * 2} writes in ${((wrote - started) / 1000).toFixed(1)} s through ${POOL_SIZE} ` +
        `server connections; ${outbox.length} events in the stream ${((drained - wrote) / 1000).toFixed(1)} s after ` +
        `the last write; published per replica: ${published.join(' + ')}`,
    );

    // Every event once: the stream (what every consumer is delivered) holds each outbox row exactly once …
    expect(relayed.map((event) => event.id).sort()).toEqual(outbox.map((row) => row.id).sort());
    // … and no relay published any twice: one replica leads at a time.
    expect(total(published)).toBe(outbox.length);
    // Each key's events in its order.
    const expectedOrder = keySeqsByKey(
      outbox.map((row) => ({ orderingKey: row.ordering_key, keySeq: Number(row.key_seq) })),
    );
    for (const seqs of Object.values(expectedOrder)) seqs.sort((a, b) => a - b);
    expect(keySeqsByKey(relayed)).toEqual(expectedOrder);
  });

  it('write unbroken audit chains under concurrent personal reads, and a dump taken meanwhile restores intact', async () => {
    const before = await auditRecords(direct);
    const dumpFile = join(scratch, 'workforce.dump');
    const started = performance.now();
    const answers: number[] = [];
    let sent = 0;
    const reader = async () => {
      while (sent < READS && performance.now() - started < READ_SECONDS * 1000) {
        const replica = replicas[sent++ % replicas.length]!;
        const answer = await client.ask('workforce', replica.origin, STAFF_PAGE);
        answers.push(answer.body?.errors ? -answer.status : answer.status);
      }
    };
    const reading = Promise.all(Array.from({ length: CONCURRENCY }, reader));
    // The backup of docs/production.md, taken while reads are being audited: straight to PostgreSQL.
    while (answers.length < READS / 4 && sent < READS) await new Promise((resolve) => setTimeout(resolve, 20));
    const dump = await runCommand('pg_dump', ['--format=custom', `--file=${dumpFile}`, direct], { cwd: scratch });
    await reading;
    mustSucceed(dump, 'pg_dump');
    console.log(
      `pgbouncer: ${answers.length} personal reads in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `${answers.filter((status) => status === 200).length} answered, ${POOL_SIZE} server connections`,
    );

    expect(answers.length).toBeGreaterThanOrEqual(CONCURRENCY * 5);
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    // One audit record per personal read, every chain intact.
    expect(await auditRecords(direct)).toBe(before + answers.length);
    const live = mustSucceed(await auditVerify(bouncer!.url('workforce')), 'audit:verify on the live database');
    expect(live.stdout).toMatch(/workforce: [\d,]+ records in \d+ chains?, every chain intact/);

    await ensurePostgresDatabase(restored);
    mustSucceed(
      await runCommand('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restored}`, dumpFile], {
        cwd: scratch,
      }),
      'pg_restore',
    );
    const inDump = await auditRecords(restored);
    expect(inDump).toBeGreaterThan(before);
    // Taken in the middle of the reads: some were in it, some came after.
    expect(inDump).toBeLessThan(before + answers.length);
    const verified = mustSucceed(await auditVerify(restored), 'audit:verify on the restored database');
    expect(verified.stdout).toContain(`workforce: ${inDump.toLocaleString('en')} records in`);
    expect(verified.stdout).toContain('every chain intact');
  });

  it('and audit:verify finds a record altered in the restored copy', async () => {
    // The second newest record: seq has gaps (a rolled-back insert still spends its number), so not max(seq) - 1.
    const altered = await inTransactionOn(restored, [
      'SET LOCAL session_replication_role = replica',
      `UPDATE audit_log SET caller_subject = 'nobody'
        WHERE seq = (SELECT seq FROM audit_log ORDER BY seq DESC OFFSET 1 LIMIT 1) RETURNING seq`,
    ]);
    expect(altered).toHaveLength(1);
    const tampered = await auditVerify(restored);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout + tampered.stderr).toMatch(/was altered: its hash does not match its contents/);
  });

  it('hand the relay to the standby when the leader stops', async () => {
    const published = await Promise.all(
      replicas.map((replica) => metricOf(metricsOf.get(replica.origin)!, 'jembatan_events_published_total')),
    );
    const leader = replicas[published.indexOf(Math.max(...published))]!;
    const standby = replicas.find((replica) => replica !== leader)!;
    expect(await leader.stop()).toBe(0);
    const inStream = (await streamEvents(nats!.url, STREAM)).length;
    for (let index = REGISTERED; index < REGISTERED + 5; index += 1) {
      const answer = await client.ask('workforce', standby.origin, registration(nikOf(index), index));
      expect(answer.body?.errors).toBeUndefined();
    }
    const relayed = await eventually(
      () => streamEvents(nats!.url, STREAM),
      (events) => events.length >= inStream + 5,
      30_000,
    );
    expect(relayed).toHaveLength(inStream + 5);
    expect(await metricOf(metricsOf.get(standby.origin)!, 'jembatan_events_published_total')).toBe(
      published[replicas.indexOf(standby)]! + 5,
    );
  });
});
