import DataLoader from 'dataloader';
import { oneByKey, rowsByKeys, type Database } from '@jembatan/kit';
import { EmployerEntity } from '../entities';

interface ActiveRow {
  npp: string;
  active: number;
}

export function createEmployerLoaders(database: Database) {
  return {
    employerByNpp: new DataLoader<string, EmployerEntity | null>(async (npps) => {
      const rows = await rowsByKeys(database.dataSource, EmployerEntity, 'npp', npps);
      return oneByKey(npps, rows, (row) => row.npp);
    }),

    /** Active wage earners of many employers in one GROUP BY, through the employer_npp index. */
    activeParticipantsOf: new DataLoader<string, number>(async (npps) => {
      const rows = await database.dataSource.query<ActiveRow[]>(
        `SELECT p.employer_npp AS npp, count(*)::int AS active
           FROM participant p
          WHERE p.employer_npp = ANY($1)
            AND EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = p.kpj AND e.until IS NULL)
          GROUP BY p.employer_npp`,
        [npps],
      );
      return oneByKey(npps, rows, (row) => row.npp).map((row) => row?.active ?? 0);
    }),
  };
}
