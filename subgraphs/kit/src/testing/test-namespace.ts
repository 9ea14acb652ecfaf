import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAMESPACE_PATTERN = /^[a-z0-9]{1,12}$/;
const SEPARATOR = { postgres: '_', redis: ':', folder: '-' } as const;
type ResourceKind = keyof typeof SEPARATOR;

/**
 * Everything a test run creates outside its own process (PostgreSQL databases and roles, Redis
 * keys, data folders) is named `jembatan-test <namespace> <created> <label> …`, with the
 * separator each kind allows. The namespace keeps two runs on one machine apart; the creation
 * time, in seconds and base 36, lets the next run remove what a killed run left behind without
 * touching a run still going.
 *
 * `JEMBATAN_TEST_NAMESPACE` is set once per run by vitest.config.mts (random unless given), so
 * its workers and the processes they start share it.
 */
export const TEST_NAMESPACE = readTestNamespace(process.env.JEMBATAN_TEST_NAMESPACE);

/** The PostgreSQL server tests use (trust auth), and the Redis they share. */
export const TEST_POSTGRES_URL =
  process.env.JEMBATAN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.JEMBATAN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_NATS_URL = process.env.JEMBATAN_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** A fresh random namespace, for a run that was given none. */
export function randomTestNamespace(): string {
  return randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, '0').slice(-8);
}

export function readTestNamespace(value: string | undefined): string {
  if (value === undefined || value === '') return randomTestNamespace();
  if (!NAMESPACE_PATTERN.test(value)) {
    throw new Error(`JEMBATAN_TEST_NAMESPACE="${value}" must be 1 to 12 lowercase letters or digits`);
  }
  return value;
}

let counter = 0;

/** The run's prefix for one kind of resource, e.g. `jembatan_test_k3x9q2m1_`. */
export function testResourcePrefix(kind: ResourceKind, namespace = TEST_NAMESPACE): string {
  const separator = SEPARATOR[kind];
  return ['jembatan', 'test', namespace, ''].join(separator);
}

/**
 * A name no other test, process or run uses: namespace, creation second, label, process and a
 * counter. A PostgreSQL name must fit in 63 bytes: labels of up to 18 characters always do.
 */
export function testResourceName(kind: ResourceKind, label: string): string {
  counter += 1;
  const separator = SEPARATOR[kind];
  const safeLabel = kind === 'postgres' ? label.replaceAll('-', '_') : label;
  const created = Math.floor(Date.now() / 1000).toString(36);
  const unique = [created, safeLabel, process.pid.toString(36), counter.toString(36)].join(separator);
  const name = `${testResourcePrefix(kind)}${unique}`;
  if (kind === 'postgres' && name.length > 63) throw new Error(`Test database name ${name} is over 63 bytes`);
  return name;
}

/** A fresh folder under the system's temporary folder, named for this run. */
export function testDataFolder(label: string): string {
  return mkdtempSync(join(tmpdir(), `${testResourceName('folder', label)}-`));
}

/** A database name for this run (PostgreSQL's identifier rules: lowercase, digits, underscores). */
export const testDatabaseName = (label: string) => testResourceName('postgres', label);

/** A Redis key prefix for this run, without a trailing separator. */
export const testRedisPrefix = (label: string) => testResourceName('redis', label);

export interface TestResourceName {
  namespace: string;
  createdAt: Date;
}

const PARSERS: Record<ResourceKind, RegExp> = {
  postgres: /^jembatan_test_([a-z0-9]{1,12})_([a-z0-9]{6,7})_/,
  redis: /^jembatan:test:([a-z0-9]{1,12}):([a-z0-9]{6,7}):/,
  folder: /^jembatan-test-([a-z0-9]{1,12})-([a-z0-9]{6,7})-/,
};

/** Which run made a resource, and when; undefined for a name no test run made. */
export function parseTestResourceName(kind: ResourceKind, name: string): TestResourceName | undefined {
  const match = PARSERS[kind].exec(name);
  if (!match) return undefined;
  const seconds = Number.parseInt(match[2]!, 36);
  return { namespace: match[1]!, createdAt: new Date(seconds * 1000) };
}
