import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  dropPostgresDatabase,
  ensurePostgresDatabase,
  openSubgraphDatabase,
  seedIfEmpty,
  withDatabaseName,
  type DatabaseLocation,
} from '@jembatan/kit';
import { REGISTERED_SUBGRAPHS } from '@jembatan/subgraph-registry';
import { POSTGRES_SERVER_URL, testEngine } from './engine';
import type { Templates } from './templates';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
  }
}

const SUBGRAPHS = REGISTERED_SUBGRAPHS.map((subgraph) => subgraph.definition);

/** Builds one migrated, demo-seeded template database per subgraph for the whole run. */
export default async function setup(project: TestProject) {
  // The global setup runs in vitest's main process, where only the test workers get the
  // project's `env`: read the engine from the project's own configuration.
  const engine = project.config.env?.JEMBATAN_TEST_ENGINE === 'postgres' ? 'postgres' : testEngine();
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const root = mkdtempSync(join(tmpdir(), 'jembatan-templates-'));
  const bySubgraph: Record<string, string> = {};
  const cleanups: (() => Promise<void>)[] = [];

  await Promise.all(
    SUBGRAPHS.map(async (definition) => {
      let location: DatabaseLocation;
      if (engine === 'pglite') {
        location = { dataDir: join(root, definition.name) };
        bySubgraph[definition.name] = location.dataDir;
      } else {
        // PostgreSQL names take no hyphen; subgraph names may (`pnpm new-subgraph land-office`).
        const name = `jembatan_test_${definition.name.replaceAll('-', '_')}_${run}`;
        location = { url: withDatabaseName(POSTGRES_SERVER_URL, name) };
        await ensurePostgresDatabase(location.url);
        bySubgraph[definition.name] = name;
        cleanups.push(() => dropPostgresDatabase(withDatabaseName(POSTGRES_SERVER_URL, name)));
      }
      const database = await openSubgraphDatabase(definition, { database: location, createDatabase: false });
      await seedIfEmpty(database, definition.seeds, 'demo');
      await database.close();
    }),
  );

  project.provide('templates', { engine, bySubgraph });
  return async () => {
    for (const cleanup of cleanups) await cleanup();
    if (engine === 'postgres') await dropTestCopies(run);
    rmSync(root, { recursive: true, force: true });
  };
}

/** Drops the per-test copies made from this run's templates. */
async function dropTestCopies(run: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: POSTGRES_SERVER_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'jembatan_test_%' AND datname LIKE $1`,
      [`%${run}_c%`],
    );
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
