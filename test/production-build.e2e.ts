import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk } from '@jembatan/kit';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';
import { testDataFolder } from '@jembatan/kit/testing';
import { composeSupergraph, SUBGRAPHS } from '@jembatan/schema';
import { freePort, publicSetOf } from './harness';
import { copyRepository } from './harness/repository-copy';
import { commandEnvironment, runCommand, type CommandRun } from './harness/run-command';

/**
 * `pnpm build` and the production start, in a copy of the repository as a clean clone holds it
 * (no dist/ anywhere), installed offline from the pnpm store: the compiled gateway runs under
 * plain `node` with no transpiler in the process, the compiled subgraphs build the schemas their
 * sources do, and a production start refuses output that is missing or older than its sources.
 * Built once; the tests then run in order, the last ones taking the output apart.
 */
const ROOT = resolve(__dirname, '..');
const copy = testDataFolder('production-build');
const seconds: Record<string, number> = {};

const inCopy = async (command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<CommandRun> =>
  runCommand(command, args, { cwd: copy, env });
const mustSucceed = (run: CommandRun, what: string): CommandRun => {
  if (run.code !== 0) throw new Error(`${what} failed (${run.code}):\n${run.stdout}${run.stderr}`);
  return run;
};
/** The environment of a production process: nothing of this test run's, and no NODE_OPTIONS to slip a hook in. */
const productionEnvironment = (extra: Record<string, string> = {}) => {
  const { NODE_OPTIONS: _hook, ...env } = commandEnvironment({ NODE_ENV: 'production', ...extra });
  return env;
};
/** `NODE_ENV=production pnpm start`, the orchestrator run from its sources as `pnpm start` runs it. */
const startAllInProduction = () =>
  inCopy(process.execPath, [...RUN_FROM_SOURCE, 'scripts/start-all.ts'], productionEnvironment());

beforeAll(async () => {
  const started = performance.now();
  expect(copyRepository(ROOT, copy)).toBeGreaterThan(100);
  expect(existsSync(join(copy, 'gateway', 'dist'))).toBe(false);
  seconds.copy = (performance.now() - started) / 1000;
  seconds.install = mustSucceed(await inCopy('pnpm', ['install', '--offline', '--frozen-lockfile']), 'install').seconds;
  seconds.build = mustSucceed(await inCopy('pnpm', ['build', '--skip-playground']), 'pnpm build').seconds;
}, 240_000);
afterAll(() => {
  console.log(`production build proof, seconds: ${JSON.stringify(seconds)}`);
  rmSync(copy, { recursive: true, force: true });
});

describe('production runs compiled JavaScript', () => {
  it('compiles every service, and the compiled subgraphs print the SDL their sources print', async () => {
    for (const service of ['gateway', ...SUBGRAPHS.map(({ name }) => `subgraphs/${name}`)]) {
      expect(existsSync(join(copy, service, 'dist', 'main.js')), service).toBe(true);
    }
    // Decorators and their metadata compiled right, or type-graphql builds another schema (or none).
    const printed = mustSucceed(
      await inCopy(
        process.execPath,
        [
          '-e',
          `const { REGISTERED_SUBGRAPHS } = require('@jembatan/subgraph-registry');
           const { printSubgraphSchema } = require(require.resolve('@apollo/subgraph', { paths: ['subgraphs/kit'] }));
           const sdl = Object.fromEntries(REGISTERED_SUBGRAPHS.map((s) => [s.name, printSubgraphSchema(s.definition.buildSchema())]));
           process.stdout.write(JSON.stringify(sdl));`,
        ],
        productionEnvironment(),
      ),
      'printing the compiled SDL',
    );
    expect(JSON.parse(printed.stdout)).toEqual(composeSupergraph(SUBGRAPHS).subgraphSdl);
  });

  it('starts the compiled gateway with plain node in production: no transpiler in the process, /health answers', async () => {
    const keys = join(copy, 'test-keys');
    mkdirSync(keys, { recursive: true });
    const userIssuer = await generatePrivateJwk('ES256');
    writeFileSync(join(keys, 'users.jwks.json'), JSON.stringify(publicSetOf(userIssuer)));
    writeFileSync(join(keys, 'gateway-signing.jwk.json'), JSON.stringify(await generatePrivateJwk('EdDSA')));
    const port = await freePort();
    const gateway = spawn(process.execPath, ['gateway/dist/main.js'], {
      cwd: copy,
      env: productionEnvironment({
        HOST: '127.0.0.1',
        GATEWAY_PORT: String(port),
        AUTH_ISSUER: 'jembatan-test',
        AUTH_JWKS_PATH: join(keys, 'users.jwks.json'),
        GATEWAY_SIGNING_KEY_PATH: join(keys, 'gateway-signing.jwk.json'),
        DATA_DIR: join(copy, 'data'),
        REDIS_URL: '',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    gateway.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const started = performance.now();
      expect(await healthOf(gateway, port, () => output)).toEqual({ status: 'ok', service: 'gateway' });
      seconds.gatewayStart = (performance.now() - started) / 1000;
      const argv = readFileSync(`/proc/${gateway.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(argv.slice(1)).toEqual(['gateway/dist/main.js']);
      // What @swc-node/register loads into a process: swc's native compiler.
      const mapped = readFileSync(`/proc/${gateway.pid}/maps`, 'utf8').split('\n');
      expect(mapped.filter((region) => region.includes('swc'))).toEqual([]);
    } finally {
      gateway.kill('SIGTERM');
      await once(gateway, 'exit');
    }
  }, 60_000);

  it('refuses output older than its sources, naming what changed, whether started by pnpm start or directly', async () => {
    const source = join(copy, 'subgraphs', 'kit', 'src', 'index.ts');
    const original = readFileSync(source, 'utf8');
    appendFileSync(source, '// changed after the build\n');
    try {
      const stale =
        'subgraphs/kit/dist was built from other sources than subgraphs/kit/src (changed: src/index.ts); run `pnpm build`';
      const direct = await inCopy(process.execPath, ['gateway/dist/main.js'], productionEnvironment());
      expect({ code: direct.code, stderr: direct.stderr.trim() }).toEqual({ code: 1, stderr: stale });
      const started = await startAllInProduction();
      expect({ code: started.code, stderr: started.stderr.trim() }).toEqual({ code: 1, stderr: stale });
      expect(started.stdout).not.toMatch(/starting/);
    } finally {
      writeFileSync(source, original);
    }
    // The same content again is the same build: fresh.
    const problems = `process.stdout.write(JSON.stringify(require('@jembatan/kit/build').buildProblems('gateway')))`;
    expect((await inCopy(process.execPath, ['-e', problems], productionEnvironment())).stdout).toBe('[]');
  });

  it('refuses to start without compiled output', async () => {
    rmSync(join(copy, 'gateway', 'dist'), { recursive: true });
    const started = await startAllInProduction();
    expect(started.code).toBe(1);
    expect(started.stderr.trim()).toBe('gateway: no compiled output in gateway/dist; run `pnpm build` first');
  });
});

/** The gateway's /health once it answers; fails with its output if it exits first. */
async function healthOf(child: ChildProcess, port: number, output: () => string): Promise<unknown> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the gateway did not start:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return await response.json();
    } catch {
      // Not listening yet.
    }
    await new Promise((pause) => setTimeout(pause, 100));
  }
}
