import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { sampleAuditEntry } from '../../testing/sample-audit-entry';
import { auditTrailMigrations } from '../audit-trail.migration';
import { GroupedAuditAppends } from '../grouped-audit-appends';
import { verifyAuditChain } from '../verify-audit-chain';

/** Counts the INSERTs into the audit trail that reach the database. */
function countingAppends(database: Database): { database: Database; inserts: () => number } {
  let inserts = 0;
  const query = database.dataSource.query.bind(database.dataSource);
  const counted = Object.create(database.dataSource) as Database['dataSource'];
  counted.query = ((sql: string, parameters?: unknown[]) => {
    if (sql.includes('INSERT INTO audit_log')) inserts += 1;
    return query(sql, parameters);
  }) as Database['dataSource']['query'];
  return { database: { ...database, dataSource: counted }, inserts: () => inserts };
}

describe.each(TEST_ENGINES)('grouped audit appends on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'grouped-audit', auditTrailMigrations));
  });
  afterAll(() => dispose?.());
  beforeEach(() =>
    database.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query('TRUNCATE audit_log RESTART IDENTITY');
    }),
  );

  it('appends one record alone, as before, when nothing else is in flight', async () => {
    const counting = countingAppends(database);
    const appends = new GroupedAuditAppends(counting.database);
    await appends.append(sampleAuditEntry('alone'));
    expect(counting.inserts()).toBe(1);
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 1, firstBroken: null });
  });

  it('commits the records of 120 concurrent requests in a few statements, each request waiting for its own, the chains intact', async () => {
    const counting = countingAppends(database);
    const appends = new GroupedAuditAppends(counting.database, { maxInFlight: 2, maxRecordsPerAppend: 50 });
    const requestIds = Array.from({ length: 120 }, (_, index) => `request-${index}`);
    await Promise.all(requestIds.map((requestId) => appends.append(sampleAuditEntry(requestId))));
    // Two go alone; the rest wait and go in groups of at most 50.
    expect(counting.inserts()).toBeLessThanOrEqual(2 + Math.ceil(118 / 50));
    const rows: { request_id: string }[] = await database.dataSource.query('SELECT request_id FROM audit_log');
    expect(rows.map((row) => row.request_id).sort()).toEqual([...requestIds].sort());
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 120, firstBroken: null });
  });

  it('costs a bad record only its own request: the rest of its group is appended one by one', async () => {
    const appends = new GroupedAuditAppends(database, { maxInFlight: 1 });
    const outcomes = await Promise.allSettled([
      appends.append(sampleAuditEntry('first')),
      appends.append(sampleAuditEntry('good')),
      // NOT NULL: a record without a caller is refused by the database.
      appends.append(sampleAuditEntry('bad', { callerSubject: null as unknown as string })),
      appends.append(sampleAuditEntry('also-good')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const rows: { request_id: string }[] = await database.dataSource.query(
      'SELECT request_id FROM audit_log ORDER BY seq',
    );
    expect(rows.map((row) => row.request_id)).toEqual(['first', 'good', 'also-good']);
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 3, firstBroken: null });
  });
});
