import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

// graphql 16 ships CJS (`main`) and ESM (`module`) builds. Vite would pick the ESM one for our
// sources while externalised packages (type-graphql, Apollo) `require` the CJS one, and two
// graphql instances break `instanceof` checks. Everyone gets the one Node itself resolves.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql', { paths: ['./subgraphs/kit'] });

const e2e = (engine: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `e2e-${engine}`,
    include: ['test/**/*.e2e.ts'],
    // Process-level tests exercise the embedded default; on PostgreSQL they would only repeat it.
    // The full-size dki2016 load runs once, on PostgreSQL, where it loads about twice as fast.
    exclude: [
      ...configDefaults.exclude,
      ...(engine === 'postgres'
        ? [
            'test/start-all.e2e.ts',
            'test/seed-command.e2e.ts',
            'test/audit-verify-command.e2e.ts',
            // Runs the generator and the new agency's own tests in a copy; they run on both engines here.
            'test/new-subgraph.e2e.ts',
            // A browser over the gateway: the database engine behind it changes nothing it checks.
            'test/playground.e2e.ts',
          ]
        : ['test/dki2016.e2e.ts', 'test/database-outage.e2e.ts']),
    ],
    env: { JEMBATAN_TEST_ENGINE: engine },
    globalSetup: ['test/harness/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

/**
 * Test layers by file suffix: `*.spec.ts` are unit and in-process subgraph tests beside the
 * code; `test/**\/*.e2e.ts` start both subgraphs and the gateway over real HTTP, once on
 * embedded PGlite and once on the PostgreSQL server of the machine.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: ['{gateway,subgraphs,schema}/**/*.spec.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      e2e('pglite'),
      e2e('postgres'),
    ],
  },
});
