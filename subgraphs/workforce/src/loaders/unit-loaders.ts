import DataLoader from 'dataloader';
import { manyByKey, oneByKey, rowsByKeys, type Database } from '@jembatan/kit';
import { UnitEntity } from '../entities';

export function createUnitLoaders({ dataSource }: Database) {
  return {
    unitByCode: new DataLoader<string, UnitEntity | null>(async (codes) => {
      const rows = await rowsByKeys(dataSource, UnitEntity, 'code', codes);
      return oneByKey(codes, rows, (unit) => unit.code);
    }),

    childrenOf: new DataLoader<string, UnitEntity[]>(async (parentCodes) => {
      const rows = await rowsByKeys(dataSource, UnitEntity, 'parentCode', parentCodes, ['code']);
      return manyByKey(parentCodes, rows, (unit) => unit.parentCode as string);
    }),
  };
}
