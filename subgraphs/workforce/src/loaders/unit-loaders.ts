import DataLoader from 'dataloader';
import { manyByKey, oneByKey, type Database } from '@jembatan/kit';
import { UnitEntity } from '../entities';

export function createUnitLoaders(database: Database) {
  const units = database.dataSource.getRepository(UnitEntity);
  return {
    unitByCode: new DataLoader<string, UnitEntity | null>(async (codes) => {
      const rows = await units.createQueryBuilder('u').where('u.code = ANY(:codes)', { codes }).getMany();
      return oneByKey(codes, rows, (unit) => unit.code);
    }),

    childrenOf: new DataLoader<string, UnitEntity[]>(async (parentCodes) => {
      const rows = await units
        .createQueryBuilder('u')
        .where('u.parent_code = ANY(:parentCodes)', { parentCodes })
        .orderBy('u.code')
        .getMany();
      return manyByKey(parentCodes, rows, (unit) => unit.parentCode as string);
    }),
  };
}
