import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type Database } from '@jembatan/kit';
import { openScratchDatabase, TEST_ENGINES } from '@jembatan/kit/testing';
import { bpjsMigrations } from '../migrations';
import { bpjsSeeds } from '../seed/bpjs-tables';
import { changeCoverage } from '../writes/coverage-summaries';
import { keptSummaries, recomputedSummaries } from './summaries-check';

describe.each(TEST_ENGINES)('coverage summaries across a write on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const sql = (query: string, parameters?: unknown[]) => database.dataSource.query(query, parameters);

  const kept = () => keptSummaries(database);
  const recomputed = () => recomputedSummaries(database);

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'coverage-summaries', bpjsMigrations));
    await seedDatabase(database, bpjsSeeds, { preset: 'demo' });
  }, 120_000);
  afterAll(() => dispose?.());

  it('stay exact when cover ends, a registrar changes and a participant is registered, in few statements', async () => {
    const [first, second] = (await sql(
      `SELECT kpj FROM participant WHERE registrar_unit_code IS NOT NULL ORDER BY kpj LIMIT 2`,
    )) as { kpj: string }[];
    const touched = [first!.kpj, second!.kpj];
    const statementsBefore = database.statements.count;
    await database.dataSource.transaction((manager) =>
      changeCoverage(manager, touched, async () => {
        await manager.query(`UPDATE enrollment SET until = '2016-08-31' WHERE kpj = $1 AND until IS NULL`, [
          touched[0],
        ]);
        await manager.query(`UPDATE participant SET registrar_unit_code = 'TEST-UNIT' WHERE kpj = $1`, [touched[1]]);
        await manager.query(`INSERT INTO participant (kpj, nik, name, segment, registrar_unit_code, registered_on)
                             VALUES ('99000000009', '3174010101900009', 'Uji Sembilan', 'BPU', 'TEST-UNIT', '2016-03-01')`);
        await manager.query(`INSERT INTO enrollment (kpj, program, since) VALUES ('99000000009', 'JKK', '2016-03-01')`);
        return { result: null, kpjs: [...touched, '99000000009'] };
      }),
    );
    // BEGIN and COMMIT, 4 of the change itself; 2 adjustments before, 2 after, 2 to drop emptied rows.
    expect(database.statements.count - statementsBefore).toBe(2 + 4 + 6);
    const rows = (await sql(`SELECT * FROM unit_coverage_change WHERE registrar_unit_code = 'TEST-UNIT'`)) as unknown[];
    expect(rows.length).toBeGreaterThan(0);
    expect(await kept()).toEqual(await recomputed());
  });

  it('drop a regency whose last active participant lost cover', async () => {
    await sql(`INSERT INTO participant (kpj, nik, name, segment, registered_on)
               VALUES ('99000000010', '9101010101900001', 'Uji Papua', 'PMI', '2016-03-01')`);
    await sql(`INSERT INTO enrollment (kpj, program, since) VALUES ('99000000010', 'JKK', '2016-03-01')`);
    await sql(`INSERT INTO participation_summary VALUES ('91.01', 'PMI', 1)`);
    await database.dataSource.transaction((manager) =>
      changeCoverage(manager, ['99000000010'], async () => {
        await manager.query(`UPDATE enrollment SET until = '2016-04-30' WHERE kpj = '99000000010'`);
        return { result: null, kpjs: ['99000000010'] };
      }),
    );
    expect(await sql(`SELECT * FROM participation_summary WHERE regency_code = '91.01'`)).toEqual([]);
    expect(await kept()).toEqual(await recomputed());
  });
});
