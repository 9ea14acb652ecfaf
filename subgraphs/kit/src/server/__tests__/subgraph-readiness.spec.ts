import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { markSeedLoading, seedLedgerMigrations } from '../../seed/seed-ledger';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { checkReadiness } from '../readiness-check';
import { subgraphReadinessChecks } from '../subgraph-readiness';

class CreateShelf1700000000000 implements MigrationInterface {
  name = 'CreateShelf1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE shelf (id text PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE shelf');
  }
}

describe.each(TEST_ENGINES)('subgraph readiness on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'readiness', [
      ...seedLedgerMigrations,
      CreateShelf1700000000000,
    ]));
  });
  afterAll(() => dispose());

  const readiness = () => checkReadiness(subgraphReadinessChecks(database));

  it('is ready on a migrated database, empty or complete', async () => {
    expect(await readiness()).toMatchObject({
      status: 'ready',
      checks: { database: { status: 'ok' }, migrations: { status: 'ok' }, seed: { status: 'ok' } },
    });
  });

  it('is not ready while a migration of this code is not applied', async () => {
    await database.dataSource.undoLastMigration();
    try {
      expect(await readiness()).toMatchObject({
        status: 'not_ready',
        checks: {
          database: { status: 'ok' },
          migrations: { status: 'failed', reason: 'migrations pending: the database schema is older than this code' },
        },
      });
    } finally {
      await database.dataSource.runMigrations();
    }
    expect((await readiness()).status).toBe('ready');
  });

  it('is not ready while the seed ledger says a load is under way or was interrupted', async () => {
    await markSeedLoading(database, 'dki2016');
    try {
      expect(await readiness()).toMatchObject({
        status: 'not_ready',
        checks: {
          seed: { status: 'failed', reason: 'the dki2016 preset is loading, or its load was interrupted' },
        },
      });
    } finally {
      await database.dataSource.query("UPDATE seed_run SET state = 'complete'");
    }
    expect((await readiness()).status).toBe('ready');
  });

  it('is not ready once its connection to the database is closed', async () => {
    // What the checks see of a closed Database: its TypeORM data source no longer connected.
    await database.dataSource.destroy();
    try {
      const report = await readiness();
      expect(report.status).toBe('not_ready');
      expect(report.checks.database).toMatchObject({ status: 'failed', reason: expect.stringMatching(/.+/) });
      expect(report.checks.migrations).toMatchObject({ status: 'failed' });
    } finally {
      await database.dataSource.initialize();
    }
    expect((await readiness()).status).toBe('ready');
  });
});
