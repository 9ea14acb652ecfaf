import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EntitySchema, MixedList } from 'typeorm';
import type { Database } from '../db/database';
import { openDatabase, type DatabaseLocation } from '../db/open-database';
import { dropPostgresDatabase, ensurePostgresDatabase, withDatabaseName } from '../db/postgres-admin';
import { testDatabaseName, testDataFolder, TEST_POSTGRES_URL } from './test-namespace';

export const TEST_ENGINES = ['pglite', 'postgres'] as const;
export type TestEngine = (typeof TEST_ENGINES)[number];

/**
 * A throwaway database on either engine for a spec, migrated (and with the entities a subgraph's
 * loaders need): a fresh PGlite directory, or a
 * uniquely named database on the machine's PostgreSQL server. `dispose` closes and removes it.
 */
export async function openScratchDatabase(
  engine: TestEngine,
  label: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema> = [],
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  let location: DatabaseLocation;
  if (engine === 'pglite') {
    location = { dataDir: join(testDataFolder(label), 'db') };
  } else {
    location = { url: withDatabaseName(TEST_POSTGRES_URL, testDatabaseName(label)) };
    await ensurePostgresDatabase(location.url);
  }
  const database = await openDatabase({ location, entities, migrations });
  return {
    database,
    async dispose() {
      await database.close();
      if ('dataDir' in location) rmSync(join(location.dataDir, '..'), { recursive: true, force: true });
      else await dropPostgresDatabase(location.url);
    },
  };
}
