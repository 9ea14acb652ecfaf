import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGatewayStandIn,
  generateCursorJwk,
  openSubgraphDatabase,
  silentLogger,
  type SubgraphConfig,
} from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import { startWorkforceService, workforceSubgraph } from '../server';
import { testDataFolder } from '@jembatan/kit/testing';

const world = generateWorld('demo');
const gateway = createGatewayStandIn('workforce', {
  caller: { subject: 'hr-officer-1', agency: 'pemprov-dki', roles: ['dki_hr'] },
  purpose: 'HR_ADMINISTRATION',
});
const root = testDataFolder('workforce-spec');
const config = (production: boolean): SubgraphConfig => ({
  name: 'workforce',
  host: '127.0.0.1',
  port: 0,
  production,
  database: { dataDir: join(root, 'workforce') },
  createDatabase: false,
  seedPreset: 'demo',
  gatewayKeys: gateway.gatewayKeys,
  cursorKeys: { jwks: { keys: [generateCursorJwk()] } },
});

type Answer = { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[] };
const post = (url: string, query: string) => gateway.post<Answer>(url, { query });

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the workforce subgraph on its own embedded database', () => {
  beforeAll(async () => {
    // First start: creates the PGlite directory, migrates it and loads the demo preset.
    const service = await startWorkforceService({ config: config(false), logger: silentLogger });
    await service.close();
  }, 60_000);

  it('reuses the existing data on the next start instead of seeding again', async () => {
    const service = await startWorkforceService({ config: config(false), logger: silentLogger });
    try {
      const before = await service.database.dataSource.query('SELECT count(*)::int AS n FROM seed_run');
      expect(before).toEqual([{ n: 1 }]);
      const { body } = await post(service.url, '{ workforceStatistics { workerCount } }');
      expect(body).toEqual({ data: { workforceStatistics: { workerCount: world.workers.length } } });
    } finally {
      await service.close();
    }
  });

  it('refuses a second opener of a data directory that is in use, naming the owner', async () => {
    const service = await startWorkforceService({ config: config(false), logger: silentLogger });
    try {
      await expect(openSubgraphDatabase(workforceSubgraph, config(false))).rejects.toThrow(
        `is in use by process ${process.pid}`,
      );
    } finally {
      await service.close();
    }
  });

  it('masks unexpected failures in production but keeps catalogued errors', async () => {
    const service = await startWorkforceService({ config: config(true), logger: silentLogger });
    try {
      await service.database.dataSource.query('ALTER TABLE unit_worker_count RENAME TO counts_moved');
      const broken = await post(service.url, '{ workforceStatistics { workerCount } }');
      expect(broken.body.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['workforceStatistics'],
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(broken.body)).not.toContain('worker');
      const invalid = await post(service.url, '{ worker(nik: "123") { name } }');
      expect(invalid.body.errors?.[0]?.extensions.code).toBe('INVALID_NIK');
    } finally {
      await service.database.dataSource.query('ALTER TABLE counts_moved RENAME TO unit_worker_count');
      await service.close();
    }
  });
});
