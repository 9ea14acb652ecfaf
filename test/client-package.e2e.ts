import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '@jembatan/seed-world';
import { testDataFolder } from '@jembatan/kit/testing';
import { callerWith, startSupergraph, type RunningSupergraph } from './harness';

/**
 * `@jembatan/client` as a frontend team outside this repository gets it: the tarball that
 * `pnpm --filter @jembatan/client pack` makes, installed with npm into an empty project, offline
 * (its two dependencies are packed from this repository's own store), then used from plain Node
 * (ESM and CommonJS) against a running gateway, and type-checked by TypeScript.
 */
const ROOT = resolve(__dirname, '..');
const CLIENT = join(ROOT, 'schema/client');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const folder = testDataFolder('client-package');
const app = join(folder, 'hr-portal');
const world = generateWorld('demo');

let supergraph: RunningSupergraph;
let env: NodeJS.ProcessEnv;

// Asynchronous: the gateway answering the script runs in this process, so a synchronous spawn
// would block the very event loop the script is waiting on.
const run = (file: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [file], { cwd: app, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });

const typeCheck = () =>
  spawnSync(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], {
    cwd: app,
    encoding: 'utf8',
    timeout: 120_000,
  });

beforeAll(async () => {
  mkdirSync(app, { recursive: true });
  execFileSync('pnpm', ['--filter', '@jembatan/client', 'pack', '--pack-destination', folder], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const dependencies = ['graphql', '@graphql-typed-document-node/core'].map((name) =>
    realpathSync(join(CLIENT, 'node_modules', name)),
  );
  execFileSync('npm', ['pack', ...dependencies, '--pack-destination', folder], { cwd: folder, stdio: 'pipe' });
  const tarballs = readdirSync(folder).filter((file) => file.endsWith('.tgz'));
  expect(tarballs.some((file) => file.startsWith('jembatan-client-'))).toBe(true);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'hr-portal', version: '1.0.0', private: true }));
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', ...tarballs.map((file) => join('..', file))],
    {
      cwd: app,
      stdio: 'pipe',
    },
  );
  supergraph = await startSupergraph();
  env = {
    ...process.env,
    JEMBATAN_URL: supergraph.gateway.url,
    JEMBATAN_TOKEN: await supergraph.tokenFor(callerWith('analyst')),
  };
}, 240_000);

afterAll(async () => {
  await supergraph?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const QUERY_SCRIPT = (load: string) => `${load}
const client = createJembatanClient({ url: process.env.JEMBATAN_URL, token: process.env.JEMBATAN_TOKEN });
client.request(WorkforceByCategoryDocument).then(
  (data) => console.log(JSON.stringify(data.workforceStatistics)),
  (error) => { console.error(error.code, error.message); process.exit(1); },
);
`;

describe('the client tarball in a project outside the repository', () => {
  it('answers a typed query from plain Node, as an ES module and as CommonJS', async () => {
    writeFileSync(
      join(app, 'screen.mjs'),
      QUERY_SCRIPT("import { createJembatanClient, WorkforceByCategoryDocument } from '@jembatan/client';"),
    );
    writeFileSync(
      join(app, 'screen.cjs'),
      QUERY_SCRIPT("const { createJembatanClient, WorkforceByCategoryDocument } = require('@jembatan/client');"),
    );
    for (const file of ['screen.mjs', 'screen.cjs']) {
      const result = await run(file);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        workerCount: world.workers.length,
        unitCount: world.units.length,
      });
    }
  });

  it('gives TypeScript the types of each operation, and refuses a field the operation does not select', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          types: [],
        },
        files: ['screen.ts'],
      }),
    );
    const typed = `import { createJembatanClient, WorkforceByCategoryDocument, JembatanRequestError } from '@jembatan/client';
const client = createJembatanClient({ url: 'http://localhost:4000/graphql', token: () => 'token' });
export async function totals(): Promise<Record<string, number>> {
  try {
    const { workforceStatistics } = await client.request(WorkforceByCategoryDocument);
    return Object.fromEntries(workforceStatistics.byCategory.map(({ category, count }) => [category, count]));
  } catch (error) {
    if (error instanceof JembatanRequestError) throw new Error(error.code);
    throw error;
  }
}
`;
    writeFileSync(join(app, 'screen.ts'), typed);
    const clean = typeCheck();
    expect(clean.status, clean.stdout).toBe(0);

    writeFileSync(
      join(app, 'screen.ts'),
      `${typed}\nexport const wrong = async () => (await client.request(WorkforceByCategoryDocument)).workforceStatistics.payroll;\n`,
    );
    const refused = typeCheck();
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toContain("Property 'payroll' does not exist");
  });
});
