import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@jembatan/kit';
import { openSeededSubgraphDatabase } from '@jembatan/kit/testing';
import { UnitEntity, WorkerEntity } from '../entities';
import { createWorkforceLoaders } from '../loaders';
import { workforceSubgraph } from '../server';

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openSeededSubgraphDatabase(workforceSubgraph, 'workforce-loaders'));
}, 120_000);
afterAll(() => dispose?.());

describe('the workforce loaders', () => {
  it('give units, their children and workers exactly as TypeORM would hydrate them, one statement per batch', async () => {
    const { dataSource } = database;
    const units = await dataSource.getRepository(UnitEntity).find({ order: { code: 'ASC' } });
    const workers = await dataSource.getRepository(WorkerEntity).find({ take: 50, order: { nik: 'ASC' } });
    expect(workers.some((worker) => worker.contractEnd !== null)).toBe(true);

    const loaders = createWorkforceLoaders(database);
    const before = database.statements.count;
    const [byCode, children, byNik] = await Promise.all([
      loaders.unitByCode.loadMany(units.map((unit) => unit.code)),
      loaders.childrenOf.loadMany(units.map((unit) => unit.code)),
      loaders.workerByNik.loadMany(workers.map((worker) => worker.nik)),
    ]);
    expect(database.statements.count - before).toBe(3);
    expect(byCode).toEqual(units.map((unit) => ({ ...unit })));
    expect(children).toEqual(
      units.map((parent) => units.filter((unit) => unit.parentCode === parent.code).map((unit) => ({ ...unit }))),
    );
    expect(byNik).toEqual(workers.map((worker) => ({ ...worker })));
  });
});
