import DataLoader from 'dataloader';
import { manyByKey, oneByKey, type Database } from '@jembatan/kit';
import { ClaimEntity, EnrollmentEntity, ParticipantEntity } from '../entities';

export function createParticipantLoaders(database: Database) {
  const participants = database.dataSource.getRepository(ParticipantEntity);
  const enrollments = database.dataSource.getRepository(EnrollmentEntity);
  const claims = database.dataSource.getRepository(ClaimEntity);
  return {
    participantByKpj: new DataLoader<string, ParticipantEntity | null>(async (kpjs) => {
      const rows = await participants.createQueryBuilder('p').where('p.kpj = ANY(:kpjs)', { kpjs }).getMany();
      return oneByKey(kpjs, rows, (row) => row.kpj);
    }),

    participantByNik: new DataLoader<string, ParticipantEntity | null>(async (niks) => {
      const rows = await participants.createQueryBuilder('p').where('p.nik = ANY(:niks)', { niks }).getMany();
      return oneByKey(niks, rows, (row) => row.nik);
    }),

    enrollmentsOf: new DataLoader<string, EnrollmentEntity[]>(async (kpjs) => {
      const rows = await enrollments
        .createQueryBuilder('e')
        .where('e.kpj = ANY(:kpjs)', { kpjs })
        .orderBy('e.since')
        .addOrderBy('e.program')
        .getMany();
      return manyByKey(kpjs, rows, (row) => row.kpj);
    }),

    claimsOf: new DataLoader<string, ClaimEntity[]>(async (kpjs) => {
      const rows = await claims
        .createQueryBuilder('c')
        .where('c.kpj = ANY(:kpjs)', { kpjs })
        .orderBy('c.filed_on')
        .addOrderBy('c.id')
        .getMany();
      return manyByKey(kpjs, rows, (row) => row.kpj);
    }),

    claimById: new DataLoader<string, ClaimEntity | null>(async (ids) => {
      const rows = await claims.createQueryBuilder('c').where('c.id = ANY(:ids)', { ids }).getMany();
      return oneByKey(ids, rows, (row) => row.id);
    }),
  };
}
