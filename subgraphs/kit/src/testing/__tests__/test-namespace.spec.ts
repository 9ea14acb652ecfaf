import { existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseTestResourceName,
  readTestNamespace,
  TEST_NAMESPACE,
  testDatabaseName,
  testDataFolder,
  testRedisPrefix,
} from '../test-namespace';

describe('the test run namespace', () => {
  it('is the one vitest.config.mts set for the whole run, so workers and their processes share it', () => {
    expect(TEST_NAMESPACE).toBe(process.env.JEMBATAN_TEST_NAMESPACE);
  });

  it('refuses a namespace that would not fit every kind of name', () => {
    expect(readTestNamespace('ci1')).toBe('ci1');
    expect(readTestNamespace(undefined)).toMatch(/^[a-z0-9]{8}$/);
    for (const bad of ['CI', 'ci-1', 'ci_1', 'a'.repeat(13)]) {
      expect(() => readTestNamespace(bad)).toThrow(
        /JEMBATAN_TEST_NAMESPACE=.* must be 1 to 12 lowercase letters or digits/,
      );
    }
  });

  it('names every kind of resource with the namespace and the second it was made, and never twice', () => {
    const before = Date.now();
    const names = {
      postgres: [testDatabaseName('land-office'), testDatabaseName('land-office')],
      redis: [testRedisPrefix('rate'), testRedisPrefix('rate')],
    };
    expect(names.postgres[0]).not.toBe(names.postgres[1]);
    expect(names.redis[0]).not.toBe(names.redis[1]);
    expect(names.postgres[0]).toMatch(
      new RegExp(`^jembatan_test_${TEST_NAMESPACE}_[a-z0-9]+_land_office_[a-z0-9]+_[a-z0-9]+$`),
    );
    for (const [kind, [name]] of Object.entries(names) as ['postgres' | 'redis', string[]][]) {
      const made = parseTestResourceName(kind, name!);
      expect(made?.namespace).toBe(TEST_NAMESPACE);
      expect(Math.abs(made!.createdAt.getTime() - before)).toBeLessThan(60_000);
    }
    const folder = testDataFolder('spec');
    try {
      expect(existsSync(folder)).toBe(true);
      expect(parseTestResourceName('folder', basename(folder))?.namespace).toBe(TEST_NAMESPACE);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  it('keeps the longest database names within PostgreSQL’s 63 bytes, and says so past them', () => {
    expect(testDatabaseName('land_office_dki2016').length).toBeLessThanOrEqual(63);
    expect(() => testDatabaseName('x'.repeat(40))).toThrow(/over 63 bytes/);
  });

  it('recognises only names a test run made', () => {
    for (const name of ['jembatan_workforce', 'jembatan_test_workforce_1a2b_c1', 'jembatan_land_office', 'postgres']) {
      expect(parseTestResourceName('postgres', name)).toBeUndefined();
    }
    expect(parseTestResourceName('redis', 'jembatan:gateway:rate:alice')).toBeUndefined();
    expect(parseTestResourceName('folder', 'jembatan-templates-abc123')).toBeUndefined();
  });
});
