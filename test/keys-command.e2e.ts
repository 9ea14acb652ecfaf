import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUserTokenMinter } from '@jembatan/gateway';
import {
  createGatewayTokenSigner,
  GATEWAY_TOKEN_HEADER,
  readJwks,
  readPrivateJwk,
  type Caller,
  type JWK,
} from '@jembatan/kit';
import { TEST_NATS_URL, testDataFolder } from '@jembatan/kit/testing';
import { REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';
import { freePort } from './harness';
import { copyTemplate } from './harness/templates';
import { commandEnvironment, runCommand } from './harness/run-command';
import { startServiceProcess, type ServiceProcess } from './harness/service-process';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const ROOT = resolve(__dirname, '..');
const scratch = testDataFolder('keys-command');
const keys = join(scratch, 'keys');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = (name: string) => join(keys, name);
const modeOf = (path: string) => statSync(path).mode & 0o777;
const pnpmKeys = (...args: string[]) =>
  runCommand(process.execPath, [...RUN_FROM_SOURCE, 'scripts/keys.ts', '--out', keys, ...args], {
    cwd: ROOT,
    env: commandEnvironment(),
  });

const PRIVATE_FILES = [
  'gateway-signing.private.jwk.json',
  'workforce-cursor.keys.json',
  'bpjs-cursor.keys.json',
  'test-idp.private.jwk.json',
];
const PUBLIC_FILES = ['gateway-public.jwks.json', 'test-idp.jwks.json'];
const KEY_SETS = [
  'gateway-public.jwks.json',
  'workforce-cursor.keys.json',
  'bpjs-cursor.keys.json',
  'test-idp.jwks.json',
];
const kidsIn = (name: string) => readJwks(file(name)).keys.map((key) => key.kid);

const ANALYST: Caller = { subject: 'keys-e2e-analyst', agency: 'jembatan-test', roles: ['analyst'] };
const UNITS_PAGE =
  'query UnitsPage($after: String) { units(first: 2, after: $after) { edges { node { code } } pageInfo { endCursor } } }';
type UnitsPage = { units: { edges: { node: { code: string } }[]; pageInfo: { endCursor: string } } };

interface Running {
  gateway: ServiceProcess;
  subgraphs: ServiceProcess[];
  stop(): Promise<void>;
}

/**
 * Where a subgraph process finds its copy of the run's seeded template database (demo preset),
 * as the variables production would set: its own URL on PostgreSQL, or a DATA_DIR holding a
 * PGlite directory named after it. Copies, since initdb and seeding in each process cost minutes
 * on a busy machine.
 */
async function databaseOf(subgraph: string): Promise<Record<string, string>> {
  const location = await copyTemplate(inject('templates'), subgraph);
  if ('url' in location) {
    const agency = REGISTERED_AGENCIES.find((candidate) => candidate.name === subgraph)!;
    return { [`${agency.envPrefix}_DATABASE_URL`]: location.url };
  }
  renameSync(location.dataDir, join(dirname(location.dataDir), subgraph));
  return { DATA_DIR: dirname(location.dataDir) };
}

const databases: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  databases.workforce = await databaseOf('workforce');
  databases.bpjs = await databaseOf('bpjs');
});

/**
 * The three services as production runs them, each its own process, with the generated keys:
 * the gateway trusts the test identity provider; each subgraph gets the gateway's public keys
 * (or `workforcePublicKeys` instead, for workforce) and its own cursor keys.
 */
async function startProduction(options: { workforcePublicKeys?: string } = {}): Promise<Running> {
  const [gatewayPort, workforcePort, bpjsPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const common = { NODE_ENV: 'production', HOST: '127.0.0.1' };
  const subgraphs = await Promise.all([
    startServiceProcess('subgraphs/workforce/src/main.ts', `http://127.0.0.1:${workforcePort}`, {
      ...common,
      ...databases.workforce,
      WORKFORCE_PORT: String(workforcePort),
      GATEWAY_PUBLIC_KEYS_PATH: options.workforcePublicKeys ?? file('gateway-public.jwks.json'),
      CURSOR_KEYS_PATH: file('workforce-cursor.keys.json'),
      NATS_URL: TEST_NATS_URL,
    }),
    startServiceProcess('subgraphs/bpjs/src/main.ts', `http://127.0.0.1:${bpjsPort}`, {
      ...common,
      ...databases.bpjs,
      BPJS_PORT: String(bpjsPort),
      GATEWAY_PUBLIC_KEYS_PATH: file('gateway-public.jwks.json'),
      CURSOR_KEYS_PATH: file('bpjs-cursor.keys.json'),
      NATS_URL: TEST_NATS_URL,
    }),
  ]);
  const gateway = await startServiceProcess('gateway/src/main.ts', `http://127.0.0.1:${gatewayPort}`, {
    ...common,
    GATEWAY_PORT: String(gatewayPort),
    WORKFORCE_URL: `http://127.0.0.1:${workforcePort}/graphql`,
    BPJS_URL: `http://127.0.0.1:${bpjsPort}/graphql`,
    GATEWAY_SIGNING_KEY_PATH: file('gateway-signing.private.jwk.json'),
    AUTH_ISSUER: 'jembatan-test-idp',
    AUTH_JWKS_PATH: file('test-idp.jwks.json'),
    RATE_LIMIT_POINTS: '1000000',
  }).catch(async (error: unknown) => {
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
    throw error;
  });
  return {
    gateway,
    subgraphs,
    async stop() {
      await gateway.stop();
      await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
    },
  };
}

/** A user token from the test identity provider's current private key. */
async function userToken(): Promise<string> {
  const mint = await createUserTokenMinter(readPrivateJwk(file('test-idp.private.jwk.json')), {
    issuer: 'jembatan-test-idp',
    audience: 'jembatan',
  });
  return mint(ANALYST, 600);
}

async function unitsPage(running: Running, token: string, after?: string) {
  const response = await fetch(`${running.gateway.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'STATISTICS' },
    body: JSON.stringify({ query: UNITS_PAGE, variables: { after: after ?? null } }),
  });
  return { status: response.status, body: (await response.json()) as { data?: UnitsPage; errors?: unknown[] } };
}

describe('pnpm keys', () => {
  it('writes every key production needs, private files 0600, public sets 0644, the folder 0700', async () => {
    const run = await pnpmKeys();
    expect(run.code, run.stderr).toBe(0);
    expect(modeOf(keys)).toBe(0o700);
    for (const name of PRIVATE_FILES) expect([name, modeOf(file(name))]).toEqual([name, 0o600]);
    for (const name of PUBLIC_FILES) expect([name, modeOf(file(name))]).toEqual([name, 0o644]);
    for (const name of PUBLIC_FILES) expect(readJwks(file(name)).keys.every((key) => key.d === undefined)).toBe(true);
    for (const variable of [
      'GATEWAY_SIGNING_KEY_PATH',
      'GATEWAY_PUBLIC_KEYS_PATH',
      'CURSOR_KEYS_PATH',
      'AUTH_JWKS_PATH',
    ]) {
      expect(run.stdout).toContain(variable);
    }
  });

  it('refuses a folder that already holds keys, and leaves them as they were', async () => {
    const before = PRIVATE_FILES.map((name) => readFileSync(file(name), 'utf8'));
    const run = await pnpmKeys();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--rotate');
    expect(PRIVATE_FILES.map((name) => readFileSync(file(name), 'utf8'))).toEqual(before);
  });

  describe('a production start with the keys, then a rotation', () => {
    let tokenBeforeRotation: string;
    let cursorBeforeRotation: string;
    let signingKeyBeforeRotation: JWK;
    let running: Running | undefined;
    afterAll(() => running?.stop());

    it('the three services start in production with the generated keys and answer', async () => {
      running = await startProduction();
      tokenBeforeRotation = await userToken();
      const first = await unitsPage(running, tokenBeforeRotation);
      expect(first.body.errors).toBeUndefined();
      cursorBeforeRotation = first.body.data!.units.pageInfo.endCursor;
      const second = await unitsPage(running, tokenBeforeRotation, cursorBeforeRotation);
      expect(second.body.errors).toBeUndefined();
      expect(second.body.data!.units.edges).toHaveLength(2);
      signingKeyBeforeRotation = readPrivateJwk(file('gateway-signing.private.jwk.json'));
      await running.stop();
      running = undefined;
    }, 360_000);

    it('--rotate puts a new key first in every set, keeps the old ones, and the signers take the new one', async () => {
      const kidsBefore = Object.fromEntries(KEY_SETS.map((name) => [name, kidsIn(name)]));
      const run = await pnpmKeys('--rotate');
      expect(run.code, run.stderr).toBe(0);
      for (const name of KEY_SETS) {
        const kids = kidsIn(name);
        expect(kids).toHaveLength(2);
        expect(kids.slice(1)).toEqual(kidsBefore[name]);
        expect(kidsBefore[name]).not.toContain(kids[0]);
      }
      expect(readPrivateJwk(file('gateway-signing.private.jwk.json')).kid).toBe(kidsIn('gateway-public.jwks.json')[0]);
      expect(readPrivateJwk(file('test-idp.private.jwk.json')).kid).toBe(kidsIn('test-idp.jwks.json')[0]);
      for (const name of PRIVATE_FILES) expect([name, modeOf(file(name))]).toEqual([name, 0o600]);
    });

    it('after the rotation, tokens and cursors from before still work, and the gateway signs with the new key', async () => {
      // Workforce trusts only the new gateway key: the gateway's answers through it prove it signs with that one.
      const newestOnly = join(scratch, 'gateway-newest.jwks.json');
      writeFileSync(newestOnly, JSON.stringify({ keys: [readJwks(file('gateway-public.jwks.json')).keys[0]] }));
      running = await startProduction({ workforcePublicKeys: newestOnly });

      const withOldToken = await unitsPage(running, tokenBeforeRotation, cursorBeforeRotation);
      expect(withOldToken.body.errors).toBeUndefined();
      expect(withOldToken.body.data!.units.edges).toHaveLength(2);
      const withNewToken = await unitsPage(running, await userToken());
      expect(withNewToken.body.errors).toBeUndefined();

      // Bpjs trusts the whole rotated set: a token the gateway signed with its old key still passes.
      const operation = { query: '{ claimStatistics(year: 2016) { count } }', variables: {}, operationName: null };
      const sign = await createGatewayTokenSigner(signingKeyBeforeRotation);
      const token = await sign(
        'bpjs',
        { caller: ANALYST, purpose: 'STATISTICS', dataSubject: null, requestId: 'keys-e2e', operationName: null },
        operation,
      );
      const bpjs = running.subgraphs[1]!;
      const direct = await fetch(`${bpjs.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
        body: JSON.stringify(operation),
      });
      const answer = (await direct.json()) as { data?: { claimStatistics: { count: number } }; errors?: unknown[] };
      expect(answer.errors).toBeUndefined();
      expect(direct.status).toBe(200);
    }, 360_000);
  });
});
