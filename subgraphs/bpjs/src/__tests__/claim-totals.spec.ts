import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type Database } from '@jembatan/kit';
import { openScratchDatabase, TEST_ENGINES } from '@jembatan/kit/testing';
import { AddClaimTotals1765000000200 } from '../migrations/1765000000200-AddClaimTotals';
import { bpjsMigrations } from '../migrations';
import { bpjsSeeds } from '../seed/bpjs-tables';

interface Total {
  year: number;
  region_code: string;
  program: string;
  claims: number;
  amount: string;
}

describe.each(TEST_ENGINES)('the claim totals summary on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let kpj: string;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'claim-totals', bpjsMigrations));
    await seedDatabase(database, bpjsSeeds, { preset: 'demo' });
    const [participant] = await database.dataSource.query<{ kpj: string }[]>(
      'SELECT kpj FROM participant ORDER BY kpj LIMIT 1',
    );
    kpj = participant!.kpj;
  }, 120_000);
  afterAll(() => dispose?.());

  const sql = (query: string, parameters?: unknown[]) => database.dataSource.query(query, parameters);
  const summary = () =>
    sql(`SELECT year, region_code, program, claims, amount::text AS amount FROM claim_total
          WHERE claims <> 0 OR amount <> 0 ORDER BY 1, 2, 3`) as Promise<Total[]>;
  const counted = () =>
    sql(`SELECT extract(year FROM filed_on)::int AS year, region_code, program, count(*)::int AS claims,
                sum(amount)::text AS amount
           FROM claim GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`) as Promise<Total[]>;
  const totalsOf = async (year: number) =>
    (await summary())
      .filter((row) => row.year === year)
      .map((row) => [row.region_code, row.program, row.claims, row.amount]);

  const newClaim = (serial: number, filedOn: string, amount: number) =>
    `('KLM-TEST-${serial}', '${kpj}', 'JKK', '${filedOn}', 'SUBMITTED', ${amount}, '31.74')`;

  it('matches counting the claims after the seed', async () => {
    const rows = await summary();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows).toEqual(await counted());
  });

  it('follows filings, corrections, status changes, moves between years and regions, and deletes done in SQL', async () => {
    await sql(`INSERT INTO claim VALUES ${newClaim(1, '2030-01-05', 1000)}, ${newClaim(2, '2030-02-05', 2000)}`);
    expect(await totalsOf(2030)).toEqual([['31.74', 'JKK', 2, '3000']]);

    await sql(`UPDATE claim SET status = 'VERIFIED' WHERE id LIKE 'KLM-TEST-%'`);
    await sql(`UPDATE claim SET amount = 2500 WHERE id = 'KLM-TEST-2'`);
    await sql(`UPDATE claim SET region_code = '31.71' WHERE id = 'KLM-TEST-1'`);
    expect(await totalsOf(2030)).toEqual([
      ['31.71', 'JKK', 1, '1000'],
      ['31.74', 'JKK', 1, '2500'],
    ]);

    await sql(`UPDATE claim SET filed_on = '2031-01-02' WHERE id = 'KLM-TEST-2'`);
    expect(await totalsOf(2031)).toEqual([['31.74', 'JKK', 1, '2500']]);
    await sql(`DELETE FROM claim WHERE id LIKE 'KLM-TEST-%'`);
    expect([...(await totalsOf(2030)), ...(await totalsOf(2031))]).toEqual([]);
    expect(await summary()).toEqual(await counted());
  });

  it('loses nothing to a rolled-back transaction', async () => {
    const before = await summary();
    await database.dataSource
      .transaction(async (manager) => {
        await manager.query(`INSERT INTO claim VALUES ${newClaim(3, '2016-02-01', 5000)}`);
        await manager.query(`DELETE FROM claim WHERE program = 'JKM'`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await summary()).toEqual(before);
  });

  it('is emptied and refilled when the seed reloads the ledger', async () => {
    await seedDatabase(database, bpjsSeeds, { preset: 'demo', reset: true });
    expect(await summary()).toEqual(await counted());
  });

  it('is filled from the claims a database already holds when the migration runs, and removed by its down', async () => {
    const migration = new AddClaimTotals1765000000200();
    const runner = database.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await sql(`DELETE FROM claim WHERE program = 'JKM'`);
      // As TypeORM runs each migration: in its own transaction.
      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const rows = await summary();
    expect(rows).toEqual(await counted());
    expect(rows.filter((row) => row.program === 'JKM')).toEqual([]);
  });
});
