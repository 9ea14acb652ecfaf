import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';
import { testDataFolder } from '@jembatan/kit/testing';

const ROOT = resolve(__dirname, '..');
const folder = testDataFolder('token-command');
const keys = join(folder, 'keys');

/** `pnpm token …` as a terminal runs it: its exit code, what it printed, and what it said. */
function token(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [...RUN_FROM_SOURCE, 'scripts/token.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: join(folder, 'data'), NODE_ENV: 'development', ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
}

const STACK_FRAME = /^\s+at /m;

beforeAll(() => {
  const made = spawnSync(process.execPath, [...RUN_FROM_SOURCE, 'scripts/keys.ts', '--out', keys], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(made.status, made.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('pnpm token says what to do instead of failing with a stack trace', () => {
  it('in production, explains how to mint for a trial with the keys of pnpm keys', () => {
    const run = token(['--role', 'analyst'], { NODE_ENV: 'production' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('NODE_ENV is production');
    expect(run.stderr).toContain('--key <keys>/test-idp.private.jwk.json');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('mints, with --key, a token the test identity provider vouches for', async () => {
    const run = token(['--role', 'dki_hr', '--key', join(keys, 'test-idp.private.jwk.json')], {
      NODE_ENV: 'production',
    });
    expect(run.code, run.stderr).toBe(0);
    const jwks = createLocalJWKSet(JSON.parse(readFileSync(join(keys, 'test-idp.jwks.json'), 'utf8')));
    const { payload } = await jwtVerify(run.stdout, jwks, { issuer: 'jembatan-test-idp', audience: 'jembatan' });
    expect(payload).toMatchObject({ sub: 'dev-dki_hr', roles: ['dki_hr'] });
    expect(payload).not.toHaveProperty('units');
    const officer = token([
      '--role',
      'dki_hr',
      '--unit',
      'KEC-317401',
      '--key',
      join(keys, 'test-idp.private.jwk.json'),
    ]);
    expect(officer.code, officer.stderr).toBe(0);
    expect((await jwtVerify(officer.stdout, jwks)).payload).toMatchObject({ units: ['KEC-317401'] });
    expect(officer.stderr).toContain('units KEC-317401');
  });

  it.each([
    [['--role', 'analyst', '--hours', '0'], 2, '--hours must be more than 0 and at most 12'],
    [['--role', 'dki_hr', '--unit', 'Tebet'], 2, '--unit takes a unit code such as KEC-317401'],
    [['--role', 'analyst', '--key', join(folder, 'missing.json')], 2, 'cannot read a private JWK there'],
    [['--role', 'analyst', '--key', join(keys, 'test-idp.jwks.json')], 2, 'holds no private key'],
  ])('refuses %j with exit code %i: "%s…"', (args, code, message) => {
    const run = token(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('names a bad variable without a stack trace', () => {
    const run = token(['--role', 'analyst'], { GATEWAY_PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Invalid gateway configuration: GATEWAY_PORT: expected a whole number from 0 to 65535 (default 4000), got "abc"',
    );
  });
});
