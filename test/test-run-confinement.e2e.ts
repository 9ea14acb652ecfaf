import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  randomTestNamespace,
  TEST_NAMESPACE,
  TEST_NATS_URL,
  TEST_POSTGRES_URL,
  TEST_REDIS_URL,
} from '@jembatan/kit/testing';
import { removeTestLeftovers } from './harness/test-leftovers';

/**
 * What a killed run leaves behind (databases, roles, Redis keys, NATS streams, folders) is removed by the next
 * run once it is an hour old, and a run's own namespace is removed at its end; nothing of another
 * run still going, nor anything a test run did not make, is touched.
 */
const HOUR_AND_A_BIT = Math.floor((Date.now() - 61 * 60 * 1000) / 1000).toString(36);
const NOW = Math.floor(Date.now() / 1000).toString(36);
// Namespaces of runs that never were, unique to this run, so that runs side by side never meet.
const killed = `k${randomTestNamespace().slice(0, 8)}`;
const other = `o${randomTestNamespace().slice(0, 8)}`;
const madeBy = (namespace: string, created: string) => ({
  postgres: `jembatan_test_${namespace}_${created}_bpjs_1_1`,
  redis: `jembatan:test:${namespace}:${created}:rate:1:1:alice`,
  folder: `jembatan-test-${namespace}-${created}-seed-1-1-x`,
});
const names = {
  killedRun: madeBy(killed, HOUR_AND_A_BIT),
  otherRun: madeBy(other, NOW),
  notATest: {
    postgres: `jembatan_probe_${TEST_NAMESPACE}`,
    redis: `jembatan:gateway:rate:probe-${TEST_NAMESPACE}`,
    folder: `jembatan-probe-${TEST_NAMESPACE}`,
  },
};
const all = Object.values(names);
// Event streams: the server sets their creation time, so only a run's end (by namespace) and the
// age sweep's sparing of a young stream can be shown here.
const streams = {
  otherRun: `JEMBATAN_EVENTS_P${other.toUpperCase()}_NATS_PGLITE`,
  notATest: `JEMBATAN_EVENTS_PAJAK_${TEST_NAMESPACE.toUpperCase()}`,
};
let nats: NatsConnection;
let streamManager: JetStreamManager;
const streamExists = (name: string) =>
  streamManager.streams.info(name).then(
    () => true,
    () => false,
  );

let postgres: Client;
let redis: Redis;

async function databaseExists(name: string) {
  return (await postgres.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}
async function roleExists(name: string) {
  return (await postgres.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1;
}

beforeAll(async () => {
  postgres = new Client({ connectionString: TEST_POSTGRES_URL });
  await postgres.connect();
  redis = new Redis(TEST_REDIS_URL);
  for (const { postgres: name, redis: key, folder } of all) {
    await postgres.query(`CREATE DATABASE "${name}"`);
    await postgres.query(`CREATE ROLE "${name}_r" NOLOGIN`);
    await redis.set(key, '1');
    mkdirSync(join(tmpdir(), folder, 'db'), { recursive: true });
  }
  nats = await connect({ servers: TEST_NATS_URL });
  streamManager = await nats.jetstreamManager();
  for (const name of Object.values(streams))
    await streamManager.streams.add({ name, subjects: [`confinement.${name}`] });
});

afterAll(async () => {
  for (const { postgres: name, redis: key, folder } of all) {
    await postgres.query(`DROP DATABASE IF EXISTS "${name}"`);
    await postgres.query(`DROP ROLE IF EXISTS "${name}_r"`);
    await redis.del(key);
    rmSync(join(tmpdir(), folder), { recursive: true, force: true });
  }
  for (const name of Object.values(streams)) await streamManager.streams.delete(name).catch(() => false);
  await nats.close();
  await postgres.end();
  redis.disconnect();
});

// DROP DATABASE waits for a checkpoint, which takes as long as the server's other writers make it:
// beside another run loading dki2016, tens of seconds (two runs side by side timed out at 30 s).
describe('a test run on a shared machine', { timeout: 120_000 }, () => {
  it("removes a killed run's leftovers once they are an hour old, and nothing else", async () => {
    // Another run's sweep may get there first: what matters is that they are gone.
    await removeTestLeftovers({ olderThanMs: 60 * 60 * 1000 });
    expect(await databaseExists(names.killedRun.postgres)).toBe(false);
    expect(await roleExists(`${names.killedRun.postgres}_r`)).toBe(false);
    expect(await redis.exists(names.killedRun.redis)).toBe(0);
    expect(existsSync(join(tmpdir(), names.killedRun.folder))).toBe(false);

    for (const kept of [names.otherRun, names.notATest]) {
      expect(await databaseExists(kept.postgres)).toBe(true);
      expect(await roleExists(`${kept.postgres}_r`)).toBe(true);
      expect(await redis.exists(kept.redis)).toBe(1);
      expect(existsSync(join(tmpdir(), kept.folder))).toBe(true);
    }
    expect(await streamExists(streams.otherRun)).toBe(true);
    expect(await streamExists(streams.notATest)).toBe(true);
  });

  it("removes everything of one namespace at a run's end, and only that", async () => {
    await removeTestLeftovers({ namespace: other });
    expect(await databaseExists(names.otherRun.postgres)).toBe(false);
    expect(await redis.exists(names.otherRun.redis)).toBe(0);
    expect(existsSync(join(tmpdir(), names.otherRun.folder))).toBe(false);
    expect(await databaseExists(names.notATest.postgres)).toBe(true);
    expect(await redis.exists(names.notATest.redis)).toBe(1);
    expect(await streamExists(streams.otherRun)).toBe(false);
    expect(await streamExists(streams.notATest)).toBe(true);
  });

  it('runs in a namespace of its own, which the templates it serves carry', async () => {
    const { rows } = await postgres.query<{ name: string }>(
      `SELECT datname AS name FROM pg_database WHERE datname LIKE $1`,
      [`jembatan\\_test\\_${TEST_NAMESPACE}\\_%`],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
