import 'reflect-metadata';
import { types } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Database } from './database';
import { withMigrationLock } from './migration-lock';
import { startPgliteServer } from './pglite-server';
import { StatementCounter } from './statement-counter';

const DATE_OID = 1082;

/**
 * node-postgres turns `date` into a JS Date at local midnight, which shifts days across time
 * zones. Raw queries get the 'YYYY-MM-DD' text instead, as TypeORM entities already do.
 */
function keepDatesAsText(oid: number, format?: 'text' | 'binary') {
  if (oid === DATE_OID) return (value: string) => value;
  return types.getTypeParser(oid, format as 'text');
}

export type DatabaseLocation = { url: string } | { dataDir: string };

export interface OpenDatabaseOptions {
  location: DatabaseLocation;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Connections in the pool; PGlite executes one statement at a time anyway. */
  poolSize?: number;
}

/**
 * Connects a subgraph to its own database and brings its schema up to date with the
 * subgraph's migrations (never `synchronize`). With a URL it is real PostgreSQL; otherwise an
 * embedded PGlite directory that is created and migrated on first use.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const poolSize = options.poolSize ?? 10;
  const statements = new StatementCounter();
  const embedded =
    'dataDir' in options.location ? await startPgliteServer(options.location.dataDir, poolSize + 2) : undefined;
  const connection = embedded
    ? { host: embedded.host, port: embedded.port, username: 'postgres', database: 'postgres' }
    : { url: (options.location as { url: string }).url };

  const dataSource = new DataSource({
    type: 'postgres',
    ...connection,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: statements,
    extra: { max: poolSize, types: { getTypeParser: keepDatesAsText } },
  });
  try {
    await dataSource.initialize();
    // A PGlite directory has one owner; on a server, replicas may start together.
    if (embedded) await dataSource.runMigrations();
    else await withMigrationLock((options.location as { url: string }).url, () => dataSource.runMigrations());
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }

  return {
    engine: embedded ? 'pglite' : 'postgres',
    dataSource,
    statements,
    embeddedSession: embedded?.session,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
