import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAuditEntry, openSubgraphDatabase, readSubgraphConfig, type Database } from '@jembatan/kit';
import { workforceSubgraph } from '@jembatan/workforce';
import { testDataFolder } from '@jembatan/kit/testing';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const ROOT = resolve(__dirname, '..');
const dataDir = testDataFolder('audit-verify');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withWorkforceDatabase(work: (database: Database) => Promise<void>) {
  const config = readSubgraphConfig({ DATA_DIR: dataDir }, { ...workforceSubgraph, defaultDataDir: dataDir });
  const database = await openSubgraphDatabase(workforceSubgraph, config);
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

function auditVerify() {
  const run = spawnSync(process.execPath, [...RUN_FROM_SOURCE, 'scripts/audit-verify.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: '', WORKFORCE_DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

// Real processes, each starting Node and PGlite: on a busy 2-core machine one run can take a minute.
describe('pnpm audit:verify', { timeout: 120_000 }, () => {
  it('reports an intact chain, then the first record someone altered behind the triggers', async () => {
    await withWorkforceDatabase(async (database) => {
      for (const requestId of ['r-1', 'r-2', 'r-3']) {
        await appendAuditEntry(database, {
          callerSubject: 'siti.rahma@jakarta.go.id',
          callerAgency: 'pemprov-dki',
          callerRoles: ['dki_hr'],
          purpose: 'HR_ADMINISTRATION',
          operationName: 'PayrollCheck',
          requestId,
          subjects: ['nik:3174015203850001'],
          fields: ['Worker.monthlyWage'],
          dataSubject: requestId === 'r-2' ? '3174015203850001' : null,
        });
      }
    });
    const intact = auditVerify();
    expect(intact.output).toMatch(/workforce: 3 records, chain intact, head hash [0-9a-f]{64}/);
    expect(intact.output).toMatch(/bpjs: no database at .*, nothing to verify/);
    expect(intact.code).toBe(0);

    // Someone with the database owner's powers hides who read the wages.
    await withWorkforceDatabase((database) =>
      database.dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL session_replication_role = replica');
        await manager.query(`UPDATE audit_log SET caller_subject = 'nobody' WHERE seq = 2`);
      }),
    );
    const broken = auditVerify();
    expect(broken.output).toMatch(/workforce: chain broken at record 2/);
    expect(broken.code).toBe(1);
  });
});
