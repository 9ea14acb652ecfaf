import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bpjsSubgraph } from '@jembatan/bpjs';
import {
  dropPostgresDatabase,
  ensurePostgresDatabase,
  openSubgraphDatabase,
  seedDatabase,
  withDatabaseName,
  type DatabaseLocation,
  type SubgraphDefinition,
} from '@jembatan/kit';
import { workforceSubgraph } from '@jembatan/workforce';
import { POSTGRES_SERVER_URL, testEngine } from './engine';

export interface PresetDatabases {
  workforce: DatabaseLocation;
  bpjs: DatabaseLocation;
  /** Seconds each subgraph's load took. */
  loadSeconds: Record<string, number>;
  drop(): Promise<void>;
}

/**
 * Fresh databases for both subgraphs, loaded with a preset other than the demo templates hold
 * (a full-size one, say), on this project's engine. They belong to the calling test file.
 */
export async function seedPresetDatabases(preset: string, engine = testEngine()): Promise<PresetDatabases> {
  const run = `${preset}_${Date.now().toString(36)}_${process.pid}`;
  const dataRoot = engine === 'pglite' ? mkdtempSync(join(tmpdir(), `jembatan-${preset}-`)) : undefined;
  const locationOf = (name: string): DatabaseLocation =>
    dataRoot
      ? { dataDir: join(dataRoot, name) }
      : { url: withDatabaseName(POSTGRES_SERVER_URL, `jembatan_test_${name}_${run}`) };
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
  const workforce = await load(workforceSubgraph);
  const bpjs = await load(bpjsSubgraph);
  return {
    workforce,
    bpjs,
    loadSeconds,
    async drop() {
      if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
      for (const location of [workforce, bpjs]) if ('url' in location) await dropPostgresDatabase(location.url);
    },
  };
}
