import 'reflect-metadata';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import {
  dropPostgresDatabase,
  ensurePostgresDatabase,
  openSubgraphDatabase,
  seedIfEmpty,
  withDatabaseName,
  type DatabaseLocation,
} from '@jembatan/kit';
import { testDatabaseName, testDataFolder } from '@jembatan/kit/testing';
import { REGISTERED_SUBGRAPHS } from '@jembatan/subgraph-registry';
import { join } from 'node:path';
import { POSTGRES_SERVER_URL, testEngine, type TestEngine } from './engine';
import type { Templates } from './templates';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
  }
}

const SUBGRAPHS = REGISTERED_SUBGRAPHS.map((subgraph) => subgraph.definition);

interface BuiltTemplates {
  templates: Promise<Templates>;
  remove: () => Promise<void>;
  users: number;
}

/** The templates of each engine, shared by the projects that run on it (vitest's main process). */
const built = ((globalThis as { __jembatanTemplates?: Map<TestEngine, BuiltTemplates> }).__jembatanTemplates ??=
  new Map());

/** Builds one migrated, demo-seeded template database per subgraph and engine for the whole run. */
export default async function setup(project: TestProject) {
  // The global setup runs in vitest's main process, where only the test workers get the
  // project's `env`: read the engine from the project's own configuration.
  const engine = project.config.env?.JEMBATAN_TEST_ENGINE === 'postgres' ? 'postgres' : testEngine();
  let entry = built.get(engine);
  if (!entry) {
    const cleanups: (() => Promise<void>)[] = [];
    entry = { templates: buildTemplates(engine, cleanups), remove: () => runAll(cleanups), users: 0 };
    built.set(engine, entry);
  }
  entry.users += 1;
  project.provide('templates', await entry.templates);
  return async () => {
    entry.users -= 1;
    if (entry.users === 0) await entry.remove();
  };
}

async function runAll(cleanups: (() => Promise<void>)[]): Promise<void> {
  for (const cleanup of cleanups) await cleanup();
}

async function buildTemplates(engine: TestEngine, cleanups: (() => Promise<void>)[]): Promise<Templates> {
  const root = engine === 'pglite' ? testDataFolder('templates') : undefined;
  if (root) cleanups.push(async () => rmSync(root, { recursive: true, force: true }));
  const bySubgraph: Record<string, string> = {};
  await Promise.all(
    SUBGRAPHS.map(async (definition) => {
      let location: DatabaseLocation;
      if (root) {
        location = { dataDir: join(root, definition.name) };
        bySubgraph[definition.name] = location.dataDir;
      } else {
        const name = testDatabaseName(`${definition.name}_t`);
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
  return { engine, bySubgraph };
}
