import { createHash } from 'node:crypto';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../access/roles';
import { auditTrailMigrations } from '../../audit/audit-trail.migration';
import { verifyAuditChain } from '../../audit/verify-audit-chain';
import type { Database } from '../../db/database';
import { JembatanError } from '../../errors/jembatan-error';
import { CreateOutbox1766000000010 } from '../../events/outbox.migration';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { writeMigrations } from '../idempotency.migration';
import { purgeExpiredIdempotencyRecords } from '../idempotency-records';
import { AGENCY_RETENTION, scheduleRetention } from '../../retention';
import { recordingLogger } from '../../testing/recording-logger';
import { checkVersion, requireExpectedVersion } from '../optimistic-version';
import { runWrite, type WriteDone } from '../run-write';
import type { WriteContext } from '../write-context';

/** A registry of one kind of record, enough to exercise every part of a write. */
class CreateWidgets1766000000900 implements MigrationInterface {
  name = 'CreateWidgets1766000000900';
  async up(runner: QueryRunner) {
    await runner.query(
      'CREATE TABLE widget (id text PRIMARY KEY, wage numeric NOT NULL, version integer NOT NULL DEFAULT 1)',
    );
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE widget');
  }
}

const NIK = '3174015203850001';
const MUTATION = 'Mutation.setWage' as const;

interface WidgetInput {
  id: string;
  wage: string;
  expectedVersion?: number;
}

const contextFor = (
  database: Database,
  overrides: { subject?: string; roles?: Role[]; purpose?: WriteContext['purpose']; allowed?: boolean } = {},
): WriteContext => ({
  caller: {
    subject: overrides.subject ?? 'siti@jakarta.go.id',
    agency: 'pemprov-dki',
    roles: overrides.roles ?? ['dki_hr'],
  },
  purpose: overrides.purpose === undefined ? 'HR_ADMINISTRATION' : overrides.purpose,
  requestId: 'req-1',
  operationName: 'SetWage',
  dataSubject: null,
  writes: new Set(overrides.allowed === false ? [] : [MUTATION]),
  service: 'workforce',
  database,
});

/** Creates the widget, or moves it to a new wage at the version the client read. */
const setWage =
  (input: WidgetInput) =>
  async (transaction: EntityManager): Promise<WriteDone<{ id: string; version: number }>> => {
    const [row] = (await transaction.query('SELECT version FROM widget WHERE id = $1 FOR UPDATE', [input.id])) as {
      version: number;
    }[];
    let version = 1;
    if (!row) {
      await transaction.query('INSERT INTO widget (id, wage) VALUES ($1, $2)', [input.id, input.wage]);
    } else {
      const expected = requireExpectedVersion(input.expectedVersion ?? 0);
      checkVersion('Widget', row.version, expected);
      const updated = (await transaction.query(
        'UPDATE widget SET wage = $2, version = version + 1 WHERE id = $1 AND version = $3 RETURNING version',
        [input.id, input.wage, expected],
      )) as [{ version: number }[], number];
      version = updated[0][0]!.version;
    }
    if (Number(input.wage) < 3_100_000) {
      throw new JembatanError('WAGE_BELOW_MINIMUM', 'below the UMP', { minimum: '3100000' });
    }
    return {
      result: { id: input.id, version },
      subjects: [`nik:${input.id}`],
      changes: [{ field: 'Widget.wage', value: input.wage }],
      events: [{ type: 'WageSet', orderingKey: `nik:${input.id}`, payload: { id: input.id } }],
    };
  };

const write = (context: WriteContext, idempotencyKey: string | null, input: WidgetInput) =>
  runWrite(
    context,
    { mutation: MUTATION, idempotencyKey, input, attempt: { subjects: [`nik:${input.id}`], fields: ['Widget.wage'] } },
    setWage(input),
  );

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: JembatanError) => ({ code: error.extensions.code, ...error.extensions, message: error.message }),
  );

describe.each(TEST_ENGINES)('runWrite on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const count = async (table: string) =>
    ((await database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;
  const auditRecords = () =>
    database.dataSource.query(
      `SELECT action, subjects, fields, changes, refusal_code, caller_subject, purpose
         FROM audit_log ORDER BY seq`,
    ) as Promise<Record<string, unknown>[]>;
  const counts = async () => ({
    widgets: await count('widget'),
    audit: await count('audit_log'),
    events: await count('outbox_event'),
    keys: await count('idempotency_record'),
  });

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, `run-write-${engine}`, [
      ...auditTrailMigrations,
      CreateOutbox1766000000010,
      ...writeMigrations,
      CreateWidgets1766000000900,
    ]));
  });
  afterAll(() => dispose?.());
  beforeEach(async () => {
    await database.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query('TRUNCATE audit_log, outbox_event, idempotency_record, widget');
    });
  });

  it('writes the change, one audit record, its events and the key in one transaction: 6 statements around the work', async () => {
    await write(contextFor(database), 'warm-up-key', { id: '1', wage: '3100000' });
    const before = database.statements.count;
    const outcome = await write(contextFor(database), 'key-0000001', { id: NIK, wage: '3200000' });
    // BEGIN, claim the key, the work's SELECT and INSERT, the audit record, the outbox, the result, COMMIT.
    expect(database.statements.count - before).toBe(2 + 6);
    expect(outcome).toEqual({ result: { id: NIK, version: 1 }, replayed: false });
    expect(await counts()).toEqual({ widgets: 2, audit: 2, events: 2, keys: 2 });
    const [, record] = await auditRecords();
    const [key] = (await database.dataSource.query('SELECT key FROM write_digest_key')) as { key: Buffer }[];
    expect(record).toEqual({
      action: 'WRITE',
      subjects: [`nik:${NIK}`],
      fields: ['Widget.wage'],
      changes: [expect.stringMatching(/^Widget\.wage=[0-9a-f]{64}$/)],
      refusal_code: null,
      caller_subject: 'siti@jakarta.go.id',
      purpose: 'HR_ADMINISTRATION',
    });
    const digest = String((record!.changes as string[])[0]).split('=')[1];
    // Keyed: not the plain hash anyone could compute for every plausible wage.
    expect(digest).not.toBe(createHash('sha256').update('"3200000"').digest('hex'));
    expect(key!.key).toHaveLength(32);
    expect(JSON.stringify(await auditRecords())).not.toContain('3200000');
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 2, firstBroken: null });
  });

  it('answers a repeated request with the first result and writes nothing again', async () => {
    const first = await write(contextFor(database), 'key-0000002', { id: NIK, wage: '3200000' });
    const before = await counts();
    const again = await write(contextFor(database), 'key-0000002', { id: NIK, wage: '3200000' });
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await counts()).toEqual(before);
  });

  it('refuses the same key with another input or purpose, recording the refused attempt', async () => {
    await write(contextFor(database), 'key-0000003', { id: NIK, wage: '3200000' });
    const before = await counts();
    expect(await refusal(write(contextFor(database), 'key-0000003', { id: NIK, wage: '3300000' }))).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      argument: 'idempotencyKey',
    });
    expect(
      await refusal(
        write(contextFor(database, { purpose: 'STATISTICS' }), 'key-0000003', { id: NIK, wage: '3200000' }),
      ),
    ).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 2 });
    expect((await auditRecords()).slice(-1)).toEqual([
      {
        action: 'WRITE_REFUSED',
        subjects: [`nik:${NIK}`],
        fields: ['Widget.wage'],
        changes: [],
        refusal_code: 'IDEMPOTENCY_KEY_REUSED',
        caller_subject: 'siti@jakarta.go.id',
        purpose: 'STATISTICS',
      },
    ]);
  });

  it("scopes keys by caller: another caller's equal key is a new write", async () => {
    await write(contextFor(database), 'key-0000004', { id: NIK, wage: '3200000' });
    const other = await write(contextFor(database, { subject: 'budi@jakarta.go.id' }), 'key-0000004', {
      id: '2',
      wage: '3200000',
    });
    expect(other.replayed).toBe(false);
    expect(await counts()).toMatchObject({ widgets: 2, keys: 2 });
  });

  it('lets one of several concurrent requests with the same key write; the others get its result', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => write(contextFor(database), 'key-0000005', { id: NIK, wage: '3200000' })),
    );
    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome.result))).size).toBe(1);
    expect(await counts()).toEqual({ widgets: 1, audit: 1, events: 1, keys: 1 });
  });

  it('rolls a refused change back entirely and records the attempt on its own, without values', async () => {
    const error = await refusal(write(contextFor(database), 'key-0000006', { id: NIK, wage: '1000' }));
    expect(error).toMatchObject({ code: 'WAGE_BELOW_MINIMUM', minimum: '3100000' });
    expect(await counts()).toEqual({ widgets: 0, audit: 1, events: 0, keys: 0 });
    expect(await auditRecords()).toEqual([
      expect.objectContaining({ action: 'WRITE_REFUSED', fields: ['Widget.wage'], refusal_code: 'WAGE_BELOW_MINIMUM' }),
    ]);
    expect(JSON.stringify(await auditRecords())).not.toContain('1000');
    // Nothing was kept for the key: the corrected request goes through with it.
    expect((await write(contextFor(database), 'key-0000006', { id: NIK, wage: '3100000' })).replayed).toBe(false);
  });

  it('refuses a caller the write rules do not allow before anything runs, and records it', async () => {
    let ran = false;
    const attempt = runWrite(
      contextFor(database, { allowed: false, roles: ['analyst'], purpose: 'STATISTICS' }),
      {
        mutation: MUTATION,
        idempotencyKey: 'key-0000007',
        input: {},
        attempt: { subjects: [], fields: ['Widget.wage'] },
      },
      async () => {
        ran = true;
        throw new Error('must not run');
      },
    );
    expect(await refusal(attempt)).toMatchObject({ code: 'FORBIDDEN', field: MUTATION });
    expect(ran).toBe(false);
    expect(await counts()).toEqual({ widgets: 0, audit: 1, events: 0, keys: 0 });
    expect(await auditRecords()).toEqual([
      expect.objectContaining({
        action: 'WRITE_REFUSED',
        refusal_code: 'FORBIDDEN',
        caller_subject: 'siti@jakarta.go.id',
      }),
    ]);
  });

  it.each([
    [null, 'IDEMPOTENCY_KEY_REQUIRED'],
    ['  ', 'IDEMPOTENCY_KEY_REQUIRED'],
    ['short', 'BAD_USER_INPUT'],
    ['has spaces in it', 'BAD_USER_INPUT'],
    ['x'.repeat(129), 'BAD_USER_INPUT'],
  ])('refuses the idempotency key %j with %s', async (key, code) => {
    expect(await refusal(write(contextFor(database), key, { id: NIK, wage: '3200000' }))).toMatchObject({
      code,
      argument: 'idempotencyKey',
    });
    expect(await counts()).toEqual({ widgets: 0, audit: 1, events: 0, keys: 0 });
  });

  it('refuses a stale version with the current one, and never loses a concurrent update', async () => {
    await write(contextFor(database), 'key-0000008', { id: NIK, wage: '3200000' });
    const racers = await Promise.allSettled(
      ['3300000', '3400000', '3500000'].map((wage, index) =>
        write(contextFor(database), `key-race-000${index}`, { id: NIK, wage, expectedVersion: 1 }),
      ),
    );
    expect(racers.filter((racer) => racer.status === 'fulfilled')).toHaveLength(1);
    const losers = racers.filter((racer) => racer.status === 'rejected') as PromiseRejectedResult[];
    expect(losers.map((loser) => (loser.reason as JembatanError).extensions)).toEqual([
      { code: 'VERSION_CONFLICT', entity: 'Widget', currentVersion: 2, expectedVersion: 1 },
      { code: 'VERSION_CONFLICT', entity: 'Widget', currentVersion: 2, expectedVersion: 1 },
    ]);
    expect(await database.dataSource.query('SELECT version FROM widget')).toEqual([{ version: 2 }]);
    expect(await counts()).toMatchObject({ events: 2, keys: 2 });
  });

  it('lets nothing through when the work fails unexpectedly, and records no refusal for a bug', async () => {
    const attempt = runWrite(
      contextFor(database),
      { mutation: MUTATION, idempotencyKey: 'key-0000009', input: {}, attempt: { subjects: [], fields: [] } },
      async (transaction) => {
        await transaction.query('INSERT INTO widget (id, wage) VALUES ($1, 1)', [NIK]);
        throw new Error('disk on fire');
      },
    );
    await expect(attempt).rejects.toThrow('disk on fire');
    expect(await counts()).toEqual({ widgets: 0, audit: 0, events: 0, keys: 0 });
  });

  it('takes over a key kept past its retention as new, and purges expired keys', async () => {
    await write(contextFor(database), 'key-0000010', { id: NIK, wage: '3200000' });
    await database.dataSource.query(`UPDATE idempotency_record SET created_at = now() - interval '8 days'`);
    const again = await write(contextFor(database), 'key-0000010', { id: '3', wage: '3200000' });
    expect(again.replayed).toBe(false);
    expect(await counts()).toMatchObject({ widgets: 2, keys: 1 });

    await write(contextFor(database), 'key-0000011', { id: '4', wage: '3200000' });
    await database.dataSource.query(
      `UPDATE idempotency_record SET created_at = now() - interval '7 days 1 minute' WHERE key = 'key-0000010'`,
    );
    expect(await purgeExpiredIdempotencyRecords(database)).toBe(1);
    expect(await database.dataSource.query('SELECT key FROM idempotency_record')).toEqual([{ key: 'key-0000011' }]);
  });

  it('purges expired keys on a schedule while the service runs', async () => {
    await write(contextFor(database), 'key-0000012', { id: NIK, wage: '3200000' });
    await database.dataSource.query(`UPDATE idempotency_record SET created_at = now() - interval '8 days'`);
    const { logger, messagesAt } = recordingLogger();
    const purge = scheduleRetention(database, logger, AGENCY_RETENTION, 50);
    try {
      await expect.poll(() => count('idempotency_record'), { timeout: 5_000 }).toBe(0);
      await expect.poll(() => messagesAt('info')).toContain('expired idempotency records purged');
    } finally {
      purge.stop();
    }
  });
});
