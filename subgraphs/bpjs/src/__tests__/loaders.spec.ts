import 'reflect-metadata';
import { In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@jembatan/kit';
import { openSeededSubgraphDatabase } from '@jembatan/kit/testing';
import { ClaimEntity, EmployerEntity, EnrollmentEntity, ParticipantEntity } from '../entities';
import { createBpjsLoaders } from '../loaders';
import { bpjsSubgraph } from '../server';

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openSeededSubgraphDatabase(bpjsSubgraph, 'bpjs-loaders'));
}, 120_000);
afterAll(() => dispose?.());

describe('the BPJS loaders', () => {
  it('give every entity exactly as TypeORM would hydrate it, in one statement per batch', async () => {
    const { dataSource } = database;
    const participants = await dataSource.getRepository(ParticipantEntity).find({ take: 40, order: { kpj: 'ASC' } });
    const kpjs = participants.map((participant) => participant.kpj);
    const enrollments = await dataSource.getRepository(EnrollmentEntity).find({ where: { kpj: In(kpjs) } });
    const claims = await dataSource.getRepository(ClaimEntity).find({ take: 20, order: { id: 'ASC' } });
    const employers = await dataSource.getRepository(EmployerEntity).find({ take: 20, order: { npp: 'ASC' } });
    expect(enrollments.length).toBeGreaterThan(kpjs.length);
    expect(employers.some((employer) => employer.registeredOn)).toBe(true);

    const loaders = createBpjsLoaders(database);
    const before = database.statements.count;
    const [byKpj, byNik, enrolled, byId, byNpp] = await Promise.all([
      loaders.participantByKpj.loadMany(kpjs),
      loaders.participantByNik.loadMany(participants.map((participant) => participant.nik)),
      loaders.enrollmentsOf.loadMany(kpjs),
      loaders.claimById.loadMany(claims.map((claim) => claim.id)),
      loaders.employerByNpp.loadMany(employers.map((employer) => employer.npp)),
    ]);
    expect(database.statements.count - before).toBe(5);
    expect(byKpj).toEqual(participants.map((participant) => ({ ...participant })));
    expect(byNik).toEqual(participants.map((participant) => ({ ...participant })));
    expect(enrolled.flat()).toEqual(
      [...enrollments]
        .sort(
          (a, b) => a.kpj.localeCompare(b.kpj) || a.since.localeCompare(b.since) || a.program.localeCompare(b.program),
        )
        .map((enrollment) => ({ ...enrollment })),
    );
    expect(byId).toEqual(claims.map((claim) => ({ ...claim })));
    expect(byNpp).toEqual(employers.map((employer) => ({ ...employer })));
  });
});
