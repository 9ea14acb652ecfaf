import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  dropPostgresDatabase,
  ensurePostgresDatabase,
  openSubgraphDatabase,
  seedDatabase,
  withDatabaseName,
  type DatabaseLocation,
  type SubgraphDefinition,
} from '@jembatan/kit';
import { testDatabaseName, testDataFolder } from '@jembatan/kit/testing';
import { registeredSubgraph, REGISTERED_SUBGRAPHS } from '@jembatan/subgraph-registry';
import { POSTGRES_SERVER_URL, testEngine } from './engine';
import type { SupergraphDatabases } from './supergraph';

export interface PresetDatabases extends SupergraphDatabases {
  others: Readonly<Record<string, DatabaseLocation>>;
  /** Seconds each subgraph's load took. */
  loadSeconds: Record<string, number>;
  drop(): Promise<void>;
}

/**
 * Fresh databases for every registered subgraph, loaded with a preset other than the demo
 * templates hold (a full-size one, say), on this project's engine. They belong to the calling
 * test file.
 */
export async function seedPresetDatabases(preset: string, engine = testEngine()): Promise<PresetDatabases> {
  const dataRoot = engine === 'pglite' ? testDataFolder(preset) : undefined;
  const locationOf = (name: string): DatabaseLocation =>
    dataRoot
      ? { dataDir: join(dataRoot, name) }
      : { url: withDatabaseName(POSTGRES_SERVER_URL, testDatabaseName(`${name}_${preset}`)) };
  const loadSeconds: Record<string, number> = {};

  const load = async (definition: SubgraphDefinition<unknown>) => {
    const location = locationOf(definition.name);
    if ('url' in location) await ensurePostgresDatabase(location.url);
    const database = await openSubgraphDatabase(definition, { database: location, createDatabase: false });
    try {
      loadSeconds[definition.name] = (await seedDatabase(database, definition.seeds, { preset })).seconds;
    } finally {
      await database.close();
    }
    return location;
  };
  const workforce = await load(registeredSubgraph('workforce').definition);
  const bpjs = await load(registeredSubgraph('bpjs').definition);
  const others: Record<string, DatabaseLocation> = {};
  for (const { name, definition } of REGISTERED_SUBGRAPHS) {
    if (name !== 'workforce' && name !== 'bpjs') others[name] = await load(definition);
  }
  return {
    workforce,
    bpjs,
    others,
    loadSeconds,
    async drop() {
      if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
      for (const location of [workforce, bpjs, ...Object.values(others)]) {
        if ('url' in location) await dropPostgresDatabase(location.url);
      }
    },
  };
}
