import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// graphql 16 ships CJS (`main`) and ESM (`module`) builds. Vite would pick the ESM one for our
// sources while externalised packages (type-graphql, Apollo) `require` the CJS one, and two
// graphql instances break `instanceof` checks. Everyone gets the one Node itself resolves.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql', { paths: ['./subgraphs/kit'] });

/**
 * Tests run the workspace packages from their sources, as development does (`node
 * --conditions=jembatan-source`); production resolves the same imports to the compiled dist/.
 * vitest's own server conditions stay (vite's, less `module`), as setting them replaces its defaults.
 */
const SERVER_CONDITIONS = ['jembatan-source', 'node', 'development|production'];

// One namespace for everything this run creates outside its processes (databases, Redis keys,
// folders), set here so that every worker and every process a test starts inherits it. The
// preflight global setup checks a given one (@jembatan/kit/testing's test-namespace).
process.env.JEMBATAN_TEST_NAMESPACE ||= randomBytes(5).toString('hex');

/**
 * Most test files wait on sockets, child processes and the PostgreSQL server rather than on
 * the CPU, so a worker per core plus one keeps both cores busy (vitest's default is one worker
 * on a 2-core machine). `JEMBATAN_TEST_WORKERS` overrides it.
 */
const workers = Number(process.env.JEMBATAN_TEST_WORKERS) || availableParallelism() + 1;

/** Files that start commands as processes or drive a browser: they exercise the embedded default. */
const PROCESS_LEVEL = [
  'test/start-all.e2e.ts',
  'test/seed-command.e2e.ts',
  'test/audit-verify-command.e2e.ts',
  'test/new-subgraph.e2e.ts',
  'test/playground.e2e.ts',
  'test/keys-command.e2e.ts',
  'test/production-build.e2e.ts',
  'test/event-faults.e2e.ts',
  'test/agreement-flow.e2e.ts',
];
/** Where the database engine changes what is tested (SQL, locks, connections, closing): both engines. */
const ENGINE_SENSITIVE = [
  'test/audit-trail.e2e.ts',
  'test/bpjs-writes.e2e.ts',
  'test/cross-agency.e2e.ts',
  'test/graceful-shutdown.e2e.ts',
  'test/health.e2e.ts',
  'test/n-plus-one.e2e.ts',
  'test/worker-writes.e2e.ts',
];
/**
 * Tracing patches `pg` and the HTTP clients as they are first required, so this file needs a
 * worker whose modules are its own. Every other file shares its worker's module cache.
 */
const NEEDS_FRESH_MODULES = ['test/observability.e2e.ts'];

/**
 * The files that take longest, mostly waiting on processes they start: started first, so that
 * the short files fill the workers around them instead of the run ending on one long file.
 */
const LONGEST_FIRST = [
  'test/new-subgraph.e2e.ts',
  'test/seed-command.e2e.ts',
  'test/start-all.e2e.ts',
  'test/dki2016.e2e.ts',
  'test/playground.e2e.ts',
  'test/graceful-shutdown.e2e.ts',
];

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}

interface E2eProject {
  engine: 'pglite' | 'postgres';
  include: string[];
  exclude?: string[];
  /** A fresh module cache per file; by default the files of a worker share one. */
  isolate?: boolean;
}

const e2e = (name: string, { engine, include, exclude = [], isolate = false }: E2eProject) => ({
  extends: true as const,
  test: {
    name,
    include,
    exclude: [...configDefaults.exclude, ...exclude, ...(isolate ? [] : NEEDS_FRESH_MODULES)],
    isolate,
    env: { JEMBATAN_TEST_ENGINE: engine },
    globalSetup: ['test/harness/preflight.ts', 'test/harness/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

/**
 * Test layers by file suffix: `*.spec.ts` are unit and in-process subgraph tests beside the
 * code; `test/**\/*.e2e.ts` start the subgraphs and the gateway over real HTTP. Engine-neutral
 * e2e files run once, on the PostgreSQL server (production's engine); engine-sensitive ones on
 * both; process-level ones on the embedded PGlite that `pnpm start` uses.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  // `ssr` runs the test files; `__vitest__` (vitest's own environment) runs the global setup.
  environments: Object.fromEntries(
    ['ssr', '__vitest__'].map((name) => [name, { resolve: { conditions: SERVER_CONDITIONS } }]),
  ),
  test: {
    maxWorkers: workers,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: ['{gateway,subgraphs,schema}/**/*.spec.ts', 'test/*.spec.ts'],
          isolate: false,
          globalSetup: ['test/harness/preflight.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      e2e('e2e-pglite', { engine: 'pglite', include: [...PROCESS_LEVEL, ...ENGINE_SENSITIVE] }),
      e2e('e2e-postgres', { engine: 'postgres', include: ['test/**/*.e2e.ts'], exclude: PROCESS_LEVEL }),
      e2e('e2e-postgres-fresh-modules', { engine: 'postgres', include: NEEDS_FRESH_MODULES, isolate: true }),
    ],
  },
});
