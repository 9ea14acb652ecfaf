import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSubgraphDatabase, seedDatabase, type Database } from '@jembatan/kit';
import { bpjsSubgraph } from '../../server';
import { REFRESH_UNIT_COVERAGE_CHANGES } from '../unit-coverage-changes';
import { testDataFolder } from '@jembatan/kit/testing';

const root = testDataFolder('coverage-spec');
let database: Database;

beforeAll(async () => {
  database = await openSubgraphDatabase(bpjsSubgraph, {
    database: { dataDir: join(root, 'bpjs') },
    createDatabase: false,
  });
  await seedDatabase(database, bpjsSubgraph.seeds, { preset: 'demo' });
  // Demo members of Pemprov units never lose cover; these two do, one with a gap between programmes.
  await database.dataSource.query(
    `INSERT INTO participant (kpj, nik, name, segment, registrar_unit_code, registered_on) VALUES
       ('99000000001', '3174010101900001', 'Uji Satu', 'BPU', 'TEST-UNIT', '2016-01-01'),
       ('99000000002', '3174014101900001', 'Uji Dua', 'BPU', 'TEST-UNIT', '2016-01-01')`,
  );
  await database.dataSource.query(
    `INSERT INTO enrollment (kpj, program, since, until) VALUES
       ('99000000001', 'JKK', '2016-01-01', '2016-06-30'),
       ('99000000001', 'JKM', '2016-01-01', '2016-03-31'),
       ('99000000001', 'JHT', '2017-01-01', NULL),
       ('99000000002', 'JKK', '2016-03-01', '2016-03-01'),
       ('99000000002', 'JKM', '2016-03-01', '2018-12-31')`,
  );
  await database.dataSource.query('DELETE FROM unit_coverage_change');
  await database.dataSource.query(REFRESH_UNIT_COVERAGE_CHANGES);
}, 60_000);
afterAll(async () => {
  await database?.close();
  rmSync(root, { recursive: true, force: true });
});

type Counts = Record<string, number>;

/** What the summary says about every unit on `day`: `unit/program` → participants. */
async function fromSummary(day: string): Promise<Counts> {
  const rows: { key: string; enrolled: number }[] = await database.dataSource.query(
    `SELECT registrar_unit_code || '/' || program AS key, sum(delta)::int AS enrolled
       FROM unit_coverage_change WHERE day <= $1 GROUP BY 1 HAVING sum(delta) <> 0`,
    [day],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.enrolled]));
}

/** The same, counted the slow way from every enrolment. */
async function counted(day: string): Promise<Counts> {
  const rows: { key: string; enrolled: number }[] = await database.dataSource.query(
    `SELECT p.registrar_unit_code || '/' || coalesce(e.program, 'ANY') AS key, count(DISTINCT p.kpj)::int AS enrolled
       FROM participant p JOIN enrollment e ON e.kpj = p.kpj
      WHERE p.registrar_unit_code IS NOT NULL AND e.since <= $1 AND (e.until IS NULL OR e.until >= $1)
      GROUP BY GROUPING SETS ((p.registrar_unit_code, e.program), (p.registrar_unit_code))`,
    [day],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.enrolled]));
}

describe('the unit coverage summary', () => {
  it('agrees with counting the enrolments, on days from before the first cover to long after the last change', async () => {
    const days = ['2015-06-30', '2015-07-01', '2016-01-01', '2016-02-29', '2016-03-01', '2016-03-02', '2016-03-31'];
    days.push('2016-04-01', '2016-06-30', '2016-07-01', '2016-12-31', '2017-01-01', '2018-12-31', '2019-01-01');
    for (let year = 2017; year <= 2030; year += 1) days.push(`${year}-06-30`);
    for (const day of days) expect(await fromSummary(day), day).toEqual(await counted(day));
  });

  it('counts a participant once while any programme covers them, and not in a gap between programmes', async () => {
    const testUnit = async (day: string) =>
      Object.fromEntries(Object.entries(await fromSummary(day)).filter(([key]) => key.startsWith('TEST-UNIT/')));
    expect(await testUnit('2016-03-01')).toEqual({ 'TEST-UNIT/ANY': 2, 'TEST-UNIT/JKK': 2, 'TEST-UNIT/JKM': 2 });
    expect(await testUnit('2016-09-01')).toEqual({ 'TEST-UNIT/ANY': 1, 'TEST-UNIT/JKM': 1 });
    expect(await testUnit('2017-06-01')).toEqual({ 'TEST-UNIT/ANY': 2, 'TEST-UNIT/JHT': 1, 'TEST-UNIT/JKM': 1 });
    expect(Object.keys(await fromSummary('2016-03-01')).length).toBeGreaterThan(20);
  });
});
