import DataLoader from 'dataloader';
import { manyByKey, oneByKey, rowsByKeys, type Database } from '@jembatan/kit';
import { ClaimEntity, EnrollmentEntity, ParticipantEntity } from '../entities';

export function createParticipantLoaders({ dataSource }: Database) {
  return {
    participantByKpj: new DataLoader<string, ParticipantEntity | null>(async (kpjs) => {
      const rows = await rowsByKeys(dataSource, ParticipantEntity, 'kpj', kpjs);
      return oneByKey(kpjs, rows, (row) => row.kpj);
    }),

    participantByNik: new DataLoader<string, ParticipantEntity | null>(async (niks) => {
      const rows = await rowsByKeys(dataSource, ParticipantEntity, 'nik', niks);
      return oneByKey(niks, rows, (row) => row.nik);
    }),

    enrollmentsOf: new DataLoader<string, EnrollmentEntity[]>(async (kpjs) => {
      const rows = await rowsByKeys(dataSource, EnrollmentEntity, 'kpj', kpjs, ['since', 'program']);
      return manyByKey(kpjs, rows, (row) => row.kpj);
    }),

    claimsOf: new DataLoader<string, ClaimEntity[]>(async (kpjs) => {
      const rows = await rowsByKeys(dataSource, ClaimEntity, 'kpj', kpjs, ['filedOn', 'id']);
      return manyByKey(kpjs, rows, (row) => row.kpj);
    }),

    claimById: new DataLoader<string, ClaimEntity | null>(async (ids) => {
      const rows = await rowsByKeys(dataSource, ClaimEntity, 'id', ids);
      return oneByKey(ids, rows, (row) => row.id);
    }),
  };
}
