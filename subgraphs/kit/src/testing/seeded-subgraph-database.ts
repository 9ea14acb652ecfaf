import type { Database } from '../db/database';
import { dropPostgresDatabase, withDatabaseName } from '../db/postgres-admin';
import { seedDatabase } from '../seed/seed-database';
import { openSubgraphDatabase } from '../server/start-agency-service';
import type { SubgraphDefinition } from '../server/subgraph-definition';
import { testDatabaseName, TEST_POSTGRES_URL } from './test-namespace';

/**
 * A subgraph's own database on the machine's PostgreSQL, migrated and loaded with the demo
 * preset, for a spec that compares the subgraph's SQL with what its entities say. `dispose`
 * closes and drops it.
 */
export async function openSeededSubgraphDatabase<TLoaders>(
  subgraph: SubgraphDefinition<TLoaders>,
  label: string,
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const url = withDatabaseName(TEST_POSTGRES_URL, testDatabaseName(label));
  const database = await openSubgraphDatabase(subgraph, { database: { url }, createDatabase: true });
  await seedDatabase(database, subgraph.seeds, { preset: 'demo' });
  return {
    database,
    async dispose() {
      await database.close();
      await dropPostgresDatabase(url);
    },
  };
}
