import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';
import { freePort } from './harness';
import { testDataFolder } from '@jembatan/kit/testing';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const ROOT = resolve(__dirname, '..');
const dataDir = testDataFolder('start-all');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  gatewayUrl: string;
}

/**
 * Runs `pnpm start`'s orchestrator as its own process group, the way a terminal runs it: through
 * pnpm itself when `viaPnpm`, so what pnpm prints on Ctrl-C is seen too.
 */
async function startAll({ viaPnpm = false } = {}): Promise<Started> {
  const gateway = await freePort();
  // Every registered agency on a free port of its own (WORKFORCE_PORT, BPJS_PORT, …).
  const agencyPorts = await Promise.all(
    REGISTERED_AGENCIES.map(async (agency) => [`${agency.envPrefix}_PORT`, String(await freePort())] as const),
  );
  const [command, args] = viaPnpm
    ? ['pnpm', ['start']]
    : [process.execPath, [...RUN_FROM_SOURCE, 'scripts/start-all.ts']];
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(gateway),
      ...Object.fromEntries(agencyPorts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A first start migrates and seeds two PGlite databases: about 15 s alone, over 60 s when the
  // whole suite shares two cores with it (CI of stop 22).
  const deadline = Date.now() + 180_000;
  while (!output.includes('Jembatan ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start-all did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, gatewayUrl: `http://127.0.0.1:${gateway}/graphql` };
}

/** Ctrl-C in a terminal: SIGINT to every process of the group. */
async function interrupt({ child }: Started): Promise<{ code: number | null; seconds: number }> {
  const started = performance.now();
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  process.kill(-child.pid!, 'SIGINT');
  const code = await exited;
  return { code, seconds: (performance.now() - started) / 1000 };
}

type Answer = { data: { workforceStatistics: { workerCount: number } }; errors?: unknown };

/** `pnpm token`: a development token from the key the first start generated under the data folder. */
function devToken(role: string): string {
  return execFileSync(process.execPath, [...RUN_FROM_SOURCE, 'scripts/token.ts', '--role', role], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir },
    encoding: 'utf8',
  }).trim();
}

async function workerCount(url: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${devToken('analyst')}`,
      'x-purpose': 'STATISTICS',
    },
    body: JSON.stringify({
      query: '{ workforceStatistics { workerCount } unit(code: "KEC-317401") { bpjsCoverage { enrolled } } }',
    }),
  });
  return (await response.json()) as Answer;
}

describe('pnpm start', () => {
  it('starts all three services on a fresh data folder, stops them all on Ctrl-C, and reuses the data on the next start', async () => {
    const first = await startAll();
    const answer = await workerCount(first.gatewayUrl);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.workforceStatistics.workerCount).toBeGreaterThan(0);
    expect(first.output()).toMatch(/"message":"seed loaded"/);
    expect(first.output()).toContain(
      `on embedded PGlite; this first start creates and seeds it with the demo preset in ${dataDir}.`,
    );

    const stopped = await interrupt(first);
    expect(stopped.code).toBe(0);
    expect(stopped.seconds).toBeLessThan(10);
    expect(first.output()).toMatch(/"service":"gateway".*"message":"shutting down"/);
    for (const { name } of REGISTERED_AGENCIES) expect(existsSync(join(dataDir, `${name}.lock`))).toBe(false);

    // The second start as a person types it: `pnpm start`, then Ctrl-C, which must not end in
    // pnpm's "ELIFECYCLE Command failed".
    const second = await startAll({ viaPnpm: true });
    try {
      expect(await workerCount(second.gatewayUrl)).toEqual(answer);
      expect(second.output()).toMatch(/"message":"seed already present"/);
      expect(second.output()).not.toMatch(/"message":"seed loaded"/);
      expect(second.output()).toContain(`on embedded PGlite, with the data in ${dataDir}.`);
    } finally {
      expect((await interrupt(second)).code).toBe(0);
      expect(second.output()).not.toContain('ELIFECYCLE');
    }
  }, 400_000);
});
