import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, type AgencyService } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { startBpjsService } from '../server';

const world = generateWorld('demo');
const root = mkdtempSync(join(tmpdir(), 'jembatan-bpjs-spec-'));
let service: AgencyService;

async function post<T>(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: T; errors?: unknown[] };
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
    expect(data._service.sdl).toMatch(/type Unit\s+@key\(fields: "code"\)/);
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
});
