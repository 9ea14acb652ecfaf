import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { connect } from 'nats';
import { Client } from 'pg';
import { parseTestResourceName, TEST_NATS_URL, TEST_POSTGRES_URL, TEST_REDIS_URL } from '@jembatan/kit/testing';

/** Which leftovers to remove: those of one namespace (this run's, at its end), or any older than an age. */
export type LeftoverSelector = { namespace: string } | { olderThanMs: number };

export interface RemovedLeftovers {
  databases: number;
  roles: number;
  redisKeys: number;
  natsStreams: number;
  folders: number;
}

function selects(selector: LeftoverSelector, made: { namespace: string; createdAt: Date } | undefined): boolean {
  if (!made) return false;
  if ('namespace' in selector) return made.namespace === selector.namespace;
  return Date.now() - made.createdAt.getTime() > selector.olderThanMs;
}

/**
 * Removes what test runs left on this machine: databases and roles on the test PostgreSQL
 * server, keys on the test Redis, event streams on the test NATS, folders under the temporary
 * folder. Only names a test run made (see @jembatan/kit/testing's test-namespace) are considered.
 */
export async function removeTestLeftovers(selector: LeftoverSelector): Promise<RemovedLeftovers> {
  const [postgres, redisKeys, natsStreams] = await Promise.all([
    removePostgresLeftovers(selector),
    removeRedisLeftovers(selector),
    removeNatsLeftovers(selector),
  ]);
  return { ...postgres, redisKeys, natsStreams, folders: removeFolderLeftovers(selector) };
}

/**
 * The streams of the events contract suite's producers, `p<namespace>-<transport>-<engine>`
 * (transport-contract.spec.ts), as streamOf names them; no agency's stream looks like this.
 */
const TEST_STREAM = /^JEMBATAN_EVENTS_P([0-9A-Z]{1,12})_(NATS|EMBEDDED)_(PGLITE|POSTGRES)$/;

/** A run's streams delete themselves at its end; a killed run's are removed here. */
async function removeNatsLeftovers(selector: LeftoverSelector): Promise<number> {
  const nats = await connect({ servers: TEST_NATS_URL, timeout: 2_000 });
  try {
    const manager = await nats.jetstreamManager();
    let removed = 0;
    for await (const stream of manager.streams.list()) {
      const namespace = TEST_STREAM.exec(stream.config.name)?.[1]?.toLowerCase();
      if (namespace === undefined) continue;
      if (!selects(selector, { namespace, createdAt: new Date(stream.created) })) continue;
      if (await manager.streams.delete(stream.config.name).catch(() => false)) removed += 1;
    }
    return removed;
  } finally {
    await nats.close();
  }
}

async function removePostgresLeftovers(selector: LeftoverSelector): Promise<{ databases: number; roles: number }> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const databases = (
      await client.query<{ name: string }>(
        `SELECT datname AS name FROM pg_database WHERE datname LIKE 'jembatan\\_test\\_%'`,
      )
    ).rows.filter(({ name }) => selects(selector, parseTestResourceName('postgres', name)));
    for (const { name } of databases)
      await ignoringRaces(client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const roles = (
      await client.query<{ name: string }>(
        `SELECT rolname AS name FROM pg_roles WHERE rolname LIKE 'jembatan\\_test\\_%'`,
      )
    ).rows.filter(({ name }) => selects(selector, parseTestResourceName('postgres', name)));
    for (const { name } of roles) await ignoringRaces(client.query(`DROP ROLE IF EXISTS "${name}"`));
    return { databases: databases.length, roles: roles.length };
  } finally {
    await client.end();
  }
}

/**
 * Two runs may sweep the same leftovers at once: PostgreSQL then reports the loser's DROP as
 * "tuple concurrently deleted" (XX000) or "concurrently updated", and the thing is gone either way.
 */
async function ignoringRaces(drop: Promise<unknown>): Promise<void> {
  try {
    await drop;
  } catch (error) {
    if (!/concurrently (deleted|updated)/.test((error as Error).message)) throw error;
  }
}

async function removeRedisLeftovers(selector: LeftoverSelector): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const pattern = 'namespace' in selector ? `jembatan:test:${selector.namespace}:*` : 'jembatan:test:*';
    let removed = 0;
    for await (const keys of redis.scanStream({ match: pattern, count: 1000 }) as AsyncIterable<string[]>) {
      const stale = keys.filter((key) => selects(selector, parseTestResourceName('redis', key)));
      if (stale.length > 0) removed += await redis.unlink(...stale);
    }
    return removed;
  } finally {
    redis.disconnect();
  }
}

function removeFolderLeftovers(selector: LeftoverSelector): number {
  const root = tmpdir();
  let removed = 0;
  for (const name of readdirSync(root)) {
    if (!selects(selector, parseTestResourceName('folder', name))) continue;
    const path = join(root, name);
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    rmSync(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
