import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendAuditEntry,
  DEFAULT_AUDIT_CHAINS,
  openSubgraphDatabase,
  readSubgraphConfig,
  setAuditChainCount,
  type Database,
} from '@jembatan/kit';
import { workforceSubgraph } from '@jembatan/workforce';
import { sampleAuditEntry, testDataFolder } from '@jembatan/kit/testing';
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

/**
 * PGlite has one backend, so its appends always start at the same chain, its pid modulo the
 * number of chains: changing the number moves them to another chain.
 */
async function chainCountLeadingAwayFromChainZero(database: Database): Promise<{ chains: number; chain: number }> {
  const [{ pid }] = await database.dataSource.query<[{ pid: number }]>('SELECT pg_backend_pid() AS pid');
  const chains = Array.from({ length: 1023 }, (_, i) => i + 2).find((count) => pid % count !== 0)!;
  return { chains, chain: pid % chains };
}

// Real processes, each starting Node and PGlite: on a busy 2-core machine one run can take a minute.
describe('pnpm audit:verify', { timeout: 120_000 }, () => {
  it('reports every chain intact, then the first record someone altered behind the triggers in each', async () => {
    let other = { chains: 0, chain: 0 };
    await withWorkforceDatabase(async (database) => {
      other = await chainCountLeadingAwayFromChainZero(database);
      for (const requestId of ['r-1', 'r-2', 'r-3', 'r-4', 'r-5']) {
        await setAuditChainCount(database, requestId <= 'r-3' ? 1 : other.chains);
        await appendAuditEntry(
          database,
          sampleAuditEntry(requestId, {
            dataSubject: requestId === 'r-2' ? '3174015203850001' : null,
            // r-5 records a wage change: its changed field with the new value's digest.
            ...(requestId === 'r-5' && { action: 'WRITE', changes: [`Worker.monthlyWage=${'ab'.repeat(32)}`] }),
          }),
        );
      }
      await setAuditChainCount(database, DEFAULT_AUDIT_CHAINS);
    });
    const intact = auditVerify();
    expect(intact.output).toContain('workforce: 5 records in 2 chains, every chain intact\n');
    expect(intact.output).toMatch(/\n {2}chain 0: 3 records, intact, head link 3 \(record 3\) hash [0-9a-f]{64}\n/);
    expect(intact.output).toMatch(
      new RegExp(`\\n {2}chain ${other.chain}: 2 records, intact, head link 2 \\(record 5\\) hash [0-9a-f]{64}\\n`),
    );
    expect(intact.output).toMatch(/bpjs: no database at .*, nothing to verify/);
    expect(intact.code).toBe(0);

    // Someone with the database owner's powers hides who read the wages in one chain, and passes
    // the wage change off as a mere read in the other.
    await withWorkforceDatabase((database) =>
      database.dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL session_replication_role = replica');
        await manager.query(`UPDATE audit_log SET caller_subject = 'nobody' WHERE seq = 2`);
        await manager.query(`UPDATE audit_log SET action = 'READ', changes = '{}' WHERE seq = 5`);
      }),
    );
    const broken = auditVerify();
    const altered = (seq: number) => `record ${seq} was altered: its hash does not match its contents`;
    expect(broken.output).toContain(`workforce: chain 0 broken at link 2 (record 2): ${altered(2)}\n`);
    expect(broken.output).toContain(`\n  chain 0 broken at link 2 (record 2): ${altered(2)} (3 records)\n`);
    expect(broken.output).toContain(
      `\n  chain ${other.chain} broken at link 2 (record 5): ${altered(5)} (2 records)\n`,
    );
    expect(broken.code).toBe(1);
  });
});
