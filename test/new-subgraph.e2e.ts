import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLObjectType } from 'graphql';
import { apiSchemaOf } from '@jembatan/schema';
import { copyRepository, treeFingerprint } from './harness/repository-copy';
import { runCommand, type CommandRun } from './harness/run-command';
import { testDataFolder } from '@jembatan/kit/testing';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

/**
 * `pnpm new-subgraph` in a copy of the repository, installed offline from the pnpm store: the
 * new agency composes, type-checks, lints, passes the tests it was generated with (in-process and
 * through the gateway), and a bad request is refused with nothing written. Run once: the
 * generated tests are what this proves.
 */
const ROOT = resolve(__dirname, '..');
const NAME = 'land-office';
const TITLE = 'Badan Pertanahan Nasional';
const copy = testDataFolder('new-subgraph');
const seconds: Record<string, number> = {};

const inCopy = async (command: string, args: string[]) => {
  const run = await runCommand(command, args, { cwd: copy });
  if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.code}):\n${run.stdout}${run.stderr}`);
  return run;
};
const generator = (args: string[]) =>
  runCommand(process.execPath, [...RUN_FROM_SOURCE, 'scripts/new-subgraph.ts', ...args], { cwd: copy });

let generated: CommandRun;
/** Started as soon as the subgraph exists, alongside its tests: the machine waits on both anyway. */
let checks: Promise<CommandRun[]>;
let boundary: Promise<CommandRun>;

/** Lints a file written only for the purpose, then removes it. */
async function lintProbe(path: string, source: string): Promise<CommandRun> {
  writeFileSync(join(copy, path), source);
  try {
    return await runCommand('pnpm', ['exec', 'eslint', path], { cwd: copy });
  } finally {
    rmSync(join(copy, path));
  }
}
beforeAll(async () => {
  let started = performance.now();
  expect(copyRepository(ROOT, copy)).toBeGreaterThan(100);
  seconds.copy = (performance.now() - started) / 1000;
  seconds.install = (await inCopy('pnpm', ['install', '--offline', '--frozen-lockfile'])).seconds;
  started = performance.now();
  generated = await generator([NAME, '--title', TITLE]);
  seconds.generate = (performance.now() - started) / 1000;
  const files = [`subgraphs/${NAME}`, `test/${NAME}.e2e.ts`, 'subgraphs/registry'];
  checks = Promise.all([
    inCopy('pnpm', ['exec', 'tsc', '-p', `subgraphs/${NAME}/tsconfig.json`]),
    inCopy('pnpm', ['exec', 'eslint', ...files]),
    inCopy('pnpm', ['exec', 'prettier', '--check', ...files, 'docs/configuration.md']),
  ]);
  // After the type check, which would see the probe too.
  const probe = `subgraphs/${NAME}/src/boundary-probe.ts`;
  boundary = checks.then(() => lintProbe(probe, "export { workforceSubgraph } from '@jembatan/workforce';\n"));
  // Awaited by its own test below; a failure must not surface earlier as an unhandled rejection.
  checks.catch(() => {});
  boundary.catch(() => {});
}, 240_000);
afterAll(async () => {
  await Promise.allSettled([checks, boundary]);
  console.log(`new-subgraph proof, seconds: ${JSON.stringify(seconds)}`);
  rmSync(copy, { recursive: true, force: true });
});

describe('pnpm new-subgraph', () => {
  it('stamps the subgraph, registers it and says what comes next', () => {
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain(`Created the ${TITLE} subgraph "${NAME}"`);
    expect(generated.stdout).toContain(`pnpm exec vitest run subgraphs/${NAME} test/${NAME}.e2e.ts`);
    const registry = JSON.parse(readFileSync(join(copy, 'subgraphs/registry/subgraphs.json'), 'utf8'));
    expect(registry.subgraphs.at(-1)).toEqual({ name: NAME, agency: TITLE, envPrefix: 'LAND_OFFICE', port: 4003 });
    const envExample = readFileSync(join(copy, '.env.example'), 'utf8');
    for (const variable of ['LAND_OFFICE_PORT=4003', 'LAND_OFFICE_URL=', 'LAND_OFFICE_DATABASE_URL=']) {
      expect(envExample).toContain(`# ${variable}`);
    }
    const configuration = readFileSync(join(copy, 'docs/configuration.md'), 'utf8');
    for (const variable of ['LAND_OFFICE_PORT', 'LAND_OFFICE_URL', 'LAND_OFFICE_DATABASE_URL']) {
      expect(configuration).toContain(`\`${variable}\``);
    }
  });

  it("composes a supergraph holding the new agency's types, joined to Pemprov DKI's Worker on NIK", () => {
    const api = apiSchemaOf(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8'));
    const fieldsOf = (type: string) => Object.keys((api.getType(type) as GraphQLObjectType).getFields());
    expect(fieldsOf('LandOfficeRecord')).toEqual(['id', 'nik', 'summary', 'status', 'registeredOn', 'worker']);
    expect(fieldsOf('Worker')).toEqual(expect.arrayContaining(['bpjs', 'landOfficeRecords']));
    expect(fieldsOf('Query')).toEqual(
      expect.arrayContaining(['landOfficeRecord', 'landOfficeRecords', 'landOfficeStatistics', 'unit', 'participant']),
    );
    expect(fieldsOf('AccessLog')).toEqual(['id', 'bpjs', 'landOffice', 'workforce']);
    expect(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8')).toContain(
      'LAND_OFFICE @join__graph(name: "land-office", url: "http://localhost:4003/graphql")',
    );
  });

  it('passes the tests it was generated with, in-process and through the gateway', async () => {
    // The environment spec reads every source file: not while the lint probe's file comes and goes.
    await Promise.allSettled([boundary]);
    const report = join(copy, 'generated-tests.json');
    const run = await runCommand(
      'pnpm',
      [
        ...['exec', 'vitest', 'run', '--project', 'unit', '--project', 'e2e-postgres'],
        ...['--reporter', 'default', '--reporter', 'json', `--outputFile.json=${report}`],
        ...[`subgraphs/${NAME}`, `test/${NAME}.e2e.ts`, 'subgraphs/kit/src/config/__tests__/environment-documented'],
      ],
      { cwd: copy },
    );
    seconds.generatedTests = run.seconds;
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      numFailedTests: number;
      numPassedTests: number;
      testResults: { name: string; status: string }[];
    };
    expect(results.testResults.map(({ name, status }) => [relative(copy, name), status]).sort()).toEqual([
      // Every variable the new agency's service and the gateway read for it is documented.
      ['subgraphs/kit/src/config/__tests__/environment-documented.spec.ts', 'passed'],
      [`subgraphs/${NAME}/src/__tests__/access-policy.spec.ts`, 'passed'],
      [`subgraphs/${NAME}/src/__tests__/${NAME}-service.spec.ts`, 'passed'],
      [`subgraphs/${NAME}/src/seed/__tests__/${NAME}-tables.spec.ts`, 'passed'],
      [`test/${NAME}.e2e.ts`, 'passed'],
    ]);
    expect(results.numFailedTests).toBe(0);
    expect(results.numPassedTests).toBeGreaterThanOrEqual(14);
    rmSync(report);
  }, 240_000);

  it('type-checks, lints and is formatted as the repository requires', async () => {
    const runs = await checks;
    seconds.checks = Math.max(...runs.map((run) => run.seconds));
    // The registry's agencies are the lint boundaries too: the new one may not import another.
    const probe = await boundary;
    expect(probe.code).toBe(1);
    expect(probe.stdout).toContain("'@jembatan/workforce' import is restricted");
    expect(probe.stdout).toContain('Subgraphs never import each other');
  }, 120_000);

  it('refuses a bad request with a clear message and a stable code, and writes nothing', async () => {
    const before = treeFingerprint(copy);
    const refusals = await Promise.all(
      [['Land_Office'], [NAME], ['auth'], ['kit'], ['tanah', '--port', '4001'], ['tanah', '--title', 'A | B']].map(
        generator,
      ),
    );
    expect(
      refusals.map(({ code, stderr }) => ({ code, reason: /\[([A-Z_]+)\]; nothing was written/.exec(stderr)?.[1] })),
    ).toEqual([
      { code: 2, reason: 'INVALID_NAME' },
      { code: 2, reason: 'NAME_TAKEN' },
      { code: 2, reason: 'ENV_CLASH' },
      { code: 2, reason: 'NAME_RESERVED' },
      { code: 2, reason: 'PORT_TAKEN' },
      { code: 2, reason: 'INVALID_TITLE' },
    ]);
    expect(refusals[0]!.stderr).toContain(
      '"Land_Office" is not a subgraph name: use 2 to 16 lowercase letters, digits and single hyphens',
    );
    expect(refusals[2]!.stderr).toContain('AUTH_ISSUER already means something else');
    expect(treeFingerprint(copy)).toEqual(before);
  }, 120_000);
});
