import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGatewayStandIn,
  generateCursorJwk,
  seedDatabase,
  SeedRefusedError,
  silentLogger,
  type AgencyService,
} from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { bpjsSeeds } from '../seed/bpjs-tables';
import { startBpjsService } from '../server';
import { testDataFolder } from '@jembatan/kit/testing';

const world = generateWorld('demo');
const active = new Set(world.enrollments.filter((e) => e.until === null).map((e) => e.kpj));
const root = testDataFolder('bpjs-spec');
let service: AgencyService;

const gateway = createGatewayStandIn('bpjs', {
  caller: { subject: 'bpjs-officer-1', agency: 'bpjs-tk', roles: ['bpjs_officer'] },
  purpose: 'CLAIM_VERIFICATION',
});

async function post<T>(query: string, variables?: Record<string, unknown>) {
  return (await gateway.post<{ data: T; errors?: unknown[] }>(service.url, { query, variables })).body;
}

beforeAll(async () => {
  service = await startBpjsService({
    config: {
      name: 'bpjs',
      host: '127.0.0.1',
      port: 0,
      production: false,
      database: { dataDir: join(root, 'bpjs') },
      createDatabase: false,
      seedPreset: 'demo',
      gatewayKeys: gateway.gatewayKeys,
      cursorKeys: { jwks: { keys: [generateCursorJwk()] } },
    },
    logger: silentLogger,
  });
}, 60_000);
afterAll(async () => {
  await service?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the BPJS subgraph on its own', () => {
  it('publishes its SDL with its keys and the extensions of Pemprov DKI entities', async () => {
    const { data } = await post<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(data._service.sdl).toMatch(/type Participant\s+@key\(fields: "kpj"\)/);
    expect(data._service.sdl).toMatch(/type Worker\s+@key\(fields: "nik"\)/);
    expect(data._service.sdl).toMatch(/type Unit\s+(@\w+\([^)]*\)\s+)*@key\(fields: "code"\)/);
  });

  it('resolves Claim and Participant representations, and null for unknown keys', async () => {
    const claim = world.claims[0]!;
    const { data, errors } = await post<{ _entities: unknown[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Claim { id amount participant { kpj } } ... on Participant { kpj } } }',
      {
        r: [
          { __typename: 'Claim', id: claim.id },
          { __typename: 'Participant', kpj: '00000000000' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([{ id: claim.id, amount: claim.amount, participant: { kpj: claim.kpj } }, null]);
  });

  it('filters claim statistics by region on whole Kemendagri segments', async () => {
    const { data } = await post<{ all: { count: number }; dki: { count: number }; selatan: { count: number } }>(
      '{ all: claimStatistics(year: 2016) { count } dki: claimStatistics(year: 2016, regionCode: "31") { count } selatan: claimStatistics(year: 2016, regionCode: "31.74") { count } }',
    );
    const in2016 = world.claims.filter((c) => c.filedOn.startsWith('2016'));
    expect(data.all.count).toBe(in2016.length);
    expect(data.dki.count).toBe(in2016.filter((c) => c.regionCode.startsWith('31')).length);
    expect(data.selatan.count).toBe(in2016.filter((c) => c.regionCode === '31.74').length);
  });

  it('counts active participants and employers from the summary, by province or regency', async () => {
    const { data } = await post<Record<string, { activeParticipants: number; employers: number }>>(
      `{ all: participationStatistics { activeParticipants employers }
         dki: participationStatistics(regionCode: "31") { activeParticipants employers }
         utara: participationStatistics(regionCode: "31.72") { activeParticipants employers }
         jabar: participationStatistics(regionCode: "32") { activeParticipants employers } }`,
    );
    const inUtara = world.participants.filter((p) => p.nik.startsWith('3172') && active.has(p.kpj));
    expect(data).toEqual({
      all: { activeParticipants: active.size, employers: world.employers.length },
      dki: { activeParticipants: active.size, employers: world.employers.length },
      utara: {
        activeParticipants: inUtara.length,
        employers: world.employers.filter((e) => e.regionCode === '31.72').length,
      },
      jabar: { activeParticipants: 0, employers: 0 },
    });
  });

  it('refuses participation statistics finer than a regency', async () => {
    const { errors } = await post('{ participationStatistics(regionCode: "31.74.01") { activeParticipants } }');
    expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', argument: 'regionCode' } }]);
  });

  it('serves employers by NPP with their active wage earners, and a wage earner’s employer', async () => {
    const wageEarner = world.participants.find((p) => p.employerNpp !== null)!;
    const employer = world.employers.find((e) => e.npp === wageEarner.employerNpp)!;
    const staff = world.participants.filter((p) => p.employerNpp === employer.npp && active.has(p.kpj));
    const { data, errors } = await post<{ employer: unknown; participant: unknown }>(
      `query ($npp: ID!, $kpj: ID!) {
         employer(npp: $npp) { npp name regionCode registeredOn activeParticipants }
         participant(kpj: $kpj) { employer { npp } }
       }`,
      { npp: employer.npp, kpj: wageEarner.kpj },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      employer: { ...employer, activeParticipants: staff.length },
      participant: { employer: { npp: employer.npp } },
    });
  });

  it('answers a malformed NPP with BAD_USER_INPUT and an unknown one with NOT_FOUND', async () => {
    const malformed = await post('{ employer(npp: "1507-0955") { npp } }');
    expect(malformed.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', argument: 'npp' } }]);
    const unknown = await post('{ employer(npp: "99999999") { npp } }');
    expect(unknown.errors).toMatchObject([{ extensions: { code: 'NOT_FOUND' } }]);
  });

  it('refuses the national preset on the embedded engine, leaving the demo data as it was', async () => {
    await expect(seedDatabase(service.database, bpjsSeeds, { preset: 'national', reset: true })).rejects.toThrow(
      SeedRefusedError,
    );
    await expect(seedDatabase(service.database, bpjsSeeds, { preset: 'national', reset: true })).rejects.toThrow(
      /national preset needs PostgreSQL/,
    );
    const { data } = await post<{ participationStatistics: { activeParticipants: number } }>(
      '{ participationStatistics { activeParticipants } }',
    );
    expect(data.participationStatistics.activeParticipants).toBe(active.size);
  });
});
