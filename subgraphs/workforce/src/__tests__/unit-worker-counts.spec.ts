import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type Database } from '@jembatan/kit';
import { openScratchDatabase, TEST_ENGINES } from '@jembatan/kit/testing';
import { AddUnitWorkerCounts1765000000100 } from '../migrations/1765000000100-AddUnitWorkerCounts';
import { workforceMigrations } from '../migrations';
import { workforceSeeds } from '../seed/workforce-tables';

interface Count {
  unit_code: string;
  category: string;
  workers: number;
}

describe.each(TEST_ENGINES)('the unit worker count summary on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let units: string[];

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'worker-counts', workforceMigrations));
    await seedDatabase(database, workforceSeeds, { preset: 'demo' });
    const rows = await database.dataSource.query<{ code: string }[]>('SELECT code FROM unit ORDER BY code LIMIT 3');
    units = rows.map((row) => row.code);
  }, 120_000);
  afterAll(() => dispose?.());

  const sql = (query: string, parameters?: unknown[]) => database.dataSource.query(query, parameters);
  const summary = () =>
    sql(`SELECT unit_code, category, workers FROM unit_worker_count WHERE workers <> 0 ORDER BY 1, 2`) as Promise<
      Count[]
    >;
  const counted = () =>
    sql(`SELECT unit_code, category, count(*)::int AS workers FROM worker GROUP BY 1, 2 ORDER BY 1, 2`) as Promise<
      Count[]
    >;
  const workersOf = async (unitCode: string) =>
    (await summary()).filter((row) => row.unit_code === unitCode).map(({ category, workers }) => [category, workers]);

  /** A worker row's values with a NIK no seed world issues (serial 9xxx). */
  const newWorker = (serial: number, unitCode: string, category: string) =>
    `('317401010190${String(9000 + serial)}', 'Uji ${serial}', '${category}', '${unitCode}', '2016-03-01', NULL, 3100000)`;

  it('matches counting the workers after the seed', async () => {
    const rows = await summary();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(await counted());
  });

  it('follows inserts, moves between units and categories, wage corrections and deletes done in SQL', async () => {
    const [first, second] = units as [string, string];
    await sql(`DELETE FROM worker WHERE unit_code = ANY($1)`, [[first, second]]);
    expect(await workersOf(first)).toEqual([]);

    await sql(`INSERT INTO worker VALUES ${[1, 2, 3].map((n) => newWorker(n, first, 'PKP')).join(', ')}`);
    await sql(`INSERT INTO worker VALUES ${newWorker(4, first, 'PPSU')}`);
    expect(await workersOf(first)).toEqual([
      ['PKP', 3],
      ['PPSU', 1],
    ]);

    // A transfer, a change of contract category, and a wage correction that changes no count.
    await sql(`UPDATE worker SET unit_code = $1 WHERE nik = '3174010101909001'`, [second]);
    await sql(`UPDATE worker SET category = 'KEBERSIHAN' WHERE nik = '3174010101909002'`);
    await sql(`UPDATE worker SET monthly_wage = monthly_wage + 1 WHERE unit_code = $1`, [first]);
    expect(await workersOf(first)).toEqual([
      ['KEBERSIHAN', 1],
      ['PKP', 1],
      ['PPSU', 1],
    ]);
    expect(await workersOf(second)).toEqual([['PKP', 1]]);

    await sql(`DELETE FROM worker WHERE nik IN ('3174010101909003', '3174010101909004')`);
    expect(await workersOf(first)).toEqual([['KEBERSIHAN', 1]]);
    expect(await summary()).toEqual(await counted());
  });

  it('loses nothing to a rolled-back transaction', async () => {
    const before = await summary();
    await database.dataSource
      .transaction(async (manager) => {
        await manager.query(`INSERT INTO worker VALUES ${newWorker(5, units[2]!, 'PKP')}`);
        await manager.query(`DELETE FROM worker WHERE unit_code = $1`, [units[0]]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await summary()).toEqual(before);
  });

  it('is emptied and refilled when the seed reloads the registry', async () => {
    await seedDatabase(database, workforceSeeds, { preset: 'demo', reset: true });
    expect(await summary()).toEqual(await counted());
  });

  it('is filled from the rows a database already holds when the migration runs, and removed by its down', async () => {
    const migration = new AddUnitWorkerCounts1765000000100();
    const runner = database.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await sql(`DELETE FROM worker WHERE unit_code = $1`, [units[1]]);
      // As TypeORM runs each migration: in its own transaction.
      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await summary()).toEqual(await counted());
    expect(await workersOf(units[1]!)).toEqual([]);
  });
});
