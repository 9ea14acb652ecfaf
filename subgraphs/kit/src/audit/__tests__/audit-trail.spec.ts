import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { testDatabaseName } from '../../testing/test-namespace';
import { readAccessLog } from '../access-log';
import { setAuditChainCount } from '../audit-chain-count';
import { appendAuditEntry, type AuditEntry } from '../audit-entry';
import { AUDIT_ROW_COLUMNS, toCanonicalRecord, type AuditRow } from '../audit-row';
import { auditTrailMigrations } from '../audit-trail.migration';
import { auditRecordHash, canonicalRecordText, GENESIS_HASH, type CanonicalRecord } from '../canonical-record';
import { verifyAuditChain } from '../verify-audit-chain';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  callerSubject: 'officer-17',
  callerAgency: 'bpjs-tk',
  callerRoles: ['bpjs_officer'],
  purpose: 'CLAIM_VERIFICATION',
  operationName: 'ClaimReview',
  requestId: 'req-1',
  subjects: ['nik:3174015203850001', 'kpj:12345678901'],
  fields: ['Worker.monthlyWage', 'Claim.amount'],
  dataSubject: null,
  ...overrides,
});

describe('canonical record encoding', () => {
  const record: CanonicalRecord = {
    seq: '12',
    occurredAt: '2024-10-17T00:00:00.000000Z',
    callerSubject: 'u',
    callerAgency: 'bpjs-tk',
    callerRoles: ['auditor'],
    purpose: null,
    operationName: '',
    requestId: 'r',
    subjects: ['nik:1', 'kpj:2'],
    fields: [],
    dataSubject: null,
    chain: 0,
    chainSeq: null,
    action: 'READ',
    changes: [],
    refusalCode: null,
  };

  it('writes each value as a netstring and each list as a netstring of netstrings', () => {
    expect(canonicalRecordText(record)).toBe(
      '2:12,27:2024-10-17T00:00:00.000000Z,1:u,7:bpjs-tk,10:7:auditor,,-:,0:,1:r,16:5:nik:1,5:kpj:2,,0:,',
    );
  });

  it('tells apart values that a joined encoding would confuse', () => {
    const text = (changes: Partial<CanonicalRecord>) => canonicalRecordText({ ...record, ...changes });
    expect(text({ purpose: null })).not.toBe(text({ purpose: '' }));
    expect(text({ callerRoles: ['a,b'] })).not.toBe(text({ callerRoles: ['a', 'b'] }));
    expect(text({ fields: [] })).not.toBe(text({ fields: [''] }));
    expect(text({ callerSubject: 'a', callerAgency: 'b' })).not.toBe(text({ callerSubject: 'a1:b', callerAgency: '' }));
    expect(text({ requestId: 'é' })).toContain('2:é,');
  });

  it('appends the declared data subject, and only when there is one, so older records hash as before', () => {
    expect(canonicalRecordText({ ...record, dataSubject: '3174015203850001' })).toBe(
      `${canonicalRecordText(record)}16:3174015203850001,`,
    );
  });

  it('appends the chain and the number in it, and only when the record has that number, so older records hash as before', () => {
    expect(canonicalRecordText({ ...record, chain: 3, chainSeq: '41' })).toBe(
      `${canonicalRecordText(record)}1:3,2:41,`,
    );
    expect(canonicalRecordText({ ...record, dataSubject: '3174015203850001', chain: 0, chainSeq: '7' })).toBe(
      `${canonicalRecordText(record)}16:3174015203850001,1:0,1:7,`,
    );
  });
  it('appends the action, the changes and the refusal code unless the record is a plain read, so reads hash as before', () => {
    const write = { ...record, action: 'WRITE' as const, changes: ['Worker.monthlyWage=ab'] };
    expect(canonicalRecordText(write)).toBe(`${canonicalRecordText(record)}5:WRITE,25:21:Worker.monthlyWage=ab,,-:,`);
    expect(canonicalRecordText({ ...record, action: 'WRITE_REFUSED', refusalCode: 'FORBIDDEN' })).toBe(
      `${canonicalRecordText(record)}13:WRITE_REFUSED,0:,9:FORBIDDEN,`,
    );
    // A read that claims changes is no plain read: it hashes them, so adding them breaks the hash.
    expect(canonicalRecordText({ ...record, changes: ['x'] })).not.toBe(canonicalRecordText(record));
  });
});

describe.each(TEST_ENGINES)('audit trail on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;

  // One database per engine (a PGlite initdb costs seconds); each test starts from an empty log.
  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'audit', auditTrailMigrations));
  });

  afterAll(() => dispose?.());

  /**
   * What an attacker with superuser access can do: switch off user triggers for one transaction
   * (session_replication_role = replica), then rewrite the table at will.
   */
  const asSuperuserBypassingTriggers = (work: (manager: EntityManager) => Promise<unknown>) =>
    database.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await work(manager);
    });

  // One chain, so each test's records are chain 0's links 1, 2, 3…, numbered like their seq;
  // audit-chains.spec.ts covers several. RESTART IDENTITY restarts the seq sequence.
  beforeEach(async () => {
    await asSuperuserBypassingTriggers((manager) => manager.query('TRUNCATE audit_log RESTART IDENTITY'));
    await setAuditChainCount(database, 1);
  });

  const appendInOrder = async (count: number) => {
    for (let i = 1; i <= count; i += 1) await appendAuditEntry(database, entry({ requestId: `req-${i}` }));
  };

  const readRow = async (seq: number): Promise<AuditRow> =>
    (await database.dataSource.query(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE seq = $1`, [seq]))[0];

  it('appends a record in exactly one SQL statement, hashed as the TypeScript encoding says', async () => {
    const before = database.statements.count;
    await appendAuditEntry(
      database,
      entry({ callerRoles: ['auditor', 'odd,role'], purpose: null, operationName: null, fields: ['Pekerja.nama é'] }),
    );
    expect(database.statements.count - before).toBe(1);

    await appendAuditEntry(database, entry({ requestId: 'req-2' }));
    const first = await readRow(1);
    const second = await readRow(2);
    expect(first.prev_hash.equals(GENESIS_HASH)).toBe(true);
    expect(first.hash.equals(auditRecordHash(GENESIS_HASH, toCanonicalRecord(first)))).toBe(true);
    expect(second.prev_hash.equals(first.hash)).toBe(true);
    expect(second.hash.equals(auditRecordHash(first.hash, toCanonicalRecord(second)))).toBe(true);
    expect(first.occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('sets seq, time and hashes itself, whatever an INSERT supplies', async () => {
    await appendInOrder(1);
    await database.dataSource.query(
      `INSERT INTO audit_log (seq, occurred_at, caller_subject, caller_agency, caller_roles, request_id, subjects,
         fields, prev_hash, hash, chain, chain_seq)
       VALUES (99, '2001-01-01Z', 'x', 'x', '{}', 'x', '{}', '{}', '\\x00', '\\x00', 7, 42)`,
    );
    const forged = await readRow(2);
    expect(forged.occurred_at.startsWith('2001')).toBe(false);
    expect([forged.chain, forged.chain_seq_text]).toEqual([0, '2']);
    expect(await verifyAuditChain(database)).toMatchObject({
      entries: 2,
      firstBroken: null,
      chains: [{ chain: 0, entries: 2, head: { link: 2, seq: 2 } }],
    });
  });

  it('gives 200 concurrent appends the seqs 1 to 200 and one unbroken chain, in time order', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => appendAuditEntry(database, entry({ requestId: `r${i}` }))));
    const rows: { seq: string; occurred_at: Date }[] = await database.dataSource.query(
      'SELECT seq, occurred_at FROM audit_log ORDER BY seq',
    );
    expect(rows.map((row) => Number(row.seq))).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const times = rows.map((row) => row.occurred_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Small batches prove the keyset walk: 28 full batches of 7, then one of 4 that ends it.
    const before = database.statements.count;
    const report = await verifyAuditChain(database, { batchSize: 7 });
    expect(database.statements.count - before).toBe(29);
    expect(report).toMatchObject({
      entries: 200,
      firstBroken: null,
      chains: [{ chain: 0, head: { seq: 200, link: 200 } }],
    });
    expect(await verifyAuditChain(database)).toEqual(report);
  });

  it('reports an empty log as intact', async () => {
    expect(await verifyAuditChain(database)).toEqual({ entries: 0, chains: [], firstBroken: null });
  });

  it('detects an edited record', async () => {
    await appendInOrder(10);
    await asSuperuserBypassingTriggers((manager) =>
      manager.query(`UPDATE audit_log SET purpose = 'STATISTICS' WHERE seq = 5`),
    );
    expect(await verifyAuditChain(database)).toMatchObject({
      entries: 10,
      firstBroken: { chain: 0, link: 5, seq: 5, problem: 'record 5 was altered: its hash does not match its contents' },
    });
  });

  it('detects an edited record whose hash was recomputed, at the link after it', async () => {
    await appendInOrder(10);
    const original = await readRow(5);
    const edited = { ...toCanonicalRecord(original), subjects: ['nik:3174015203850002'] };
    await asSuperuserBypassingTriggers((manager) =>
      manager.query('UPDATE audit_log SET subjects = $1, hash = $2 WHERE seq = 5', [
        edited.subjects,
        auditRecordHash(original.prev_hash, edited),
      ]),
    );
    const { firstBroken } = await verifyAuditChain(database);
    expect(firstBroken?.seq).toBe(6);
    expect(firstBroken?.problem).toMatch(/^record 6 does not follow record 5: .*record 5 was replaced/);
  });

  it('detects a deleted record, and a deleted first record', async () => {
    await appendInOrder(10);
    await asSuperuserBypassingTriggers((manager) => manager.query('DELETE FROM audit_log WHERE seq = 7'));
    expect(await verifyAuditChain(database)).toMatchObject({
      entries: 9,
      firstBroken: {
        chain: 0,
        link: 7,
        seq: null,
        problem: 'link 7 is missing: record 8 (link 8) follows record 6 (link 6)',
      },
    });

    await asSuperuserBypassingTriggers((manager) => manager.query('DELETE FROM audit_log WHERE seq IN (1, 2)'));
    expect((await verifyAuditChain(database)).firstBroken).toEqual({
      chain: 0,
      link: 1,
      seq: null,
      problem: 'links 1 to 2 are missing: the chain starts at record 3 (link 3)',
    });
  });

  it('detects a record inserted into the middle, hashed correctly, with the later records renumbered', async () => {
    await appendInOrder(10);
    const predecessor = await readRow(4);
    const forged: CanonicalRecord = {
      ...toCanonicalRecord(predecessor),
      seq: '5',
      chainSeq: '5',
      callerSubject: 'someone-else',
      purpose: 'AUDIT',
    };
    await asSuperuserBypassingTriggers(async (manager) => {
      // Two steps, so no intermediate state collides on the primary key or the chain's index.
      await manager.query('UPDATE audit_log SET seq = seq + 1000, chain_seq = chain_seq + 1000 WHERE seq >= 5');
      await manager.query('UPDATE audit_log SET seq = seq - 999, chain_seq = chain_seq - 999 WHERE seq > 1000');
      await manager.query(
        `INSERT INTO audit_log (seq, occurred_at, caller_subject, caller_agency, caller_roles, purpose, operation_name,
           request_id, subjects, fields, prev_hash, hash, chain, chain_seq)
         VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          forged.seq,
          forged.occurredAt,
          forged.callerSubject,
          forged.callerAgency,
          forged.callerRoles,
          forged.purpose,
          forged.operationName,
          forged.requestId,
          forged.subjects,
          forged.fields,
          predecessor.hash,
          auditRecordHash(predecessor.hash, forged),
          forged.chain,
          forged.chainSeq,
        ],
      );
    });
    expect(await verifyAuditChain(database)).toMatchObject({
      entries: 11,
      firstBroken: {
        chain: 0,
        link: 5,
        seq: 5,
        problem: 'record 5 was inserted: record 6 is chained to record 4, not to it',
      },
    });
  });

  it('records the data subject a request declared, in the hash: removing it breaks the chain', async () => {
    await appendAuditEntry(database, entry({ requestId: 'req-1', dataSubject: '3174015203850001' }));
    await appendAuditEntry(database, entry({ requestId: 'req-2' }));
    expect((await readRow(1)).data_subject).toBe('3174015203850001');
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 2, firstBroken: null });
    await asSuperuserBypassingTriggers((manager) =>
      manager.query('UPDATE audit_log SET data_subject = NULL WHERE seq = 1'),
    );
    expect((await verifyAuditChain(database)).firstBroken).toEqual({
      chain: 0,
      link: 1,
      seq: 1,
      problem: 'record 1 was altered: its hash does not match its contents',
    });
  });

  it('records writes in the hash: turning one into a read, or editing its changes or refusal code, breaks the chain', async () => {
    const write = entry({
      requestId: 'w',
      action: 'WRITE',
      fields: ['Worker.monthlyWage'],
      changes: ['Worker.monthlyWage=0a'],
    });
    const refused = entry({ requestId: 'r', action: 'WRITE_REFUSED', refusalCode: 'VERSION_CONFLICT' });
    const tamperings = [
      [write, `UPDATE audit_log SET action = 'READ', changes = '{}' WHERE seq = 1`],
      [write, `UPDATE audit_log SET changes = '{Worker.monthlyWage=0b}' WHERE seq = 1`],
      [refused, `UPDATE audit_log SET refusal_code = 'FORBIDDEN' WHERE seq = 1`],
      [entry(), `UPDATE audit_log SET action = 'WRITE', changes = '{Worker.monthlyWage=0b}' WHERE seq = 1`],
    ] as const;
    for (const [appended, tamper] of tamperings) {
      await asSuperuserBypassingTriggers((manager) => manager.query('TRUNCATE audit_log RESTART IDENTITY'));
      await appendAuditEntry(database, appended);
      await appendAuditEntry(database, entry({ requestId: 'next' }));
      expect(await verifyAuditChain(database)).toMatchObject({ entries: 2, firstBroken: null });
      await asSuperuserBypassingTriggers((manager) => manager.query(tamper));
      expect((await verifyAuditChain(database)).firstBroken, tamper).toEqual({
        chain: 0,
        link: 1,
        seq: 1,
        problem: 'record 1 was altered: its hash does not match its contents',
      });
    }
  });

  it('refuses a write record of impossible shape: changes on a read, a refusal without code, an unknown action', async () => {
    const refusedShapes = [
      entry({ changes: ['Worker.monthlyWage=0a'] }),
      entry({ action: 'WRITE_REFUSED' }),
      entry({ action: 'WRITE', refusalCode: 'FORBIDDEN' }),
      entry({ action: 'DELETE' as 'WRITE' }),
    ];
    for (const shape of refusedShapes) {
      await expect(appendAuditEntry(database, shape)).rejects.toThrow(/audit_log_action_shape/);
    }
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the normal connection', async () => {
    await appendInOrder(3);
    const refused = /audit_log is append-only: (UPDATE|DELETE|TRUNCATE) is not allowed/;
    await expect(database.dataSource.query(`UPDATE audit_log SET purpose = 'AUDIT' WHERE seq = 2`)).rejects.toThrow(
      refused,
    );
    await expect(database.dataSource.query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(refused);
    await expect(database.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(refused);
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 3, firstBroken: null });
  });

  it('lets an application role granted SELECT, INSERT append, and nothing else', async () => {
    const role = testDatabaseName('audit_app');
    await database.dataSource.query(`CREATE ROLE ${role} NOLOGIN`);
    try {
      await database.dataSource.query(`GRANT SELECT, INSERT ON audit_log TO ${role}`);
      const asApplication = (work: (manager: EntityManager) => Promise<unknown>) =>
        database.dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL ROLE ${role}`);
          await work(manager);
        });

      await appendInOrder(1);
      await asApplication(async (manager) => {
        expect(await manager.query('SELECT current_user AS name')).toEqual([{ name: role }]);
        await manager.query(
          `INSERT INTO audit_log (caller_subject, caller_agency, caller_roles, request_id, subjects, fields)
           VALUES ('hr-3', 'pemprov-dki', '{dki_hr}', 'req-app', '{nik:3174015203850001}', '{Worker.monthlyWage}')`,
        );
      });
      expect(await verifyAuditChain(database)).toMatchObject({ entries: 2, firstBroken: null });

      // The grant refuses before any trigger runs: the error is PostgreSQL's own.
      for (const statement of [
        `UPDATE audit_log SET purpose = 'AUDIT'`,
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
      ]) {
        await expect(asApplication((manager) => manager.query(statement))).rejects.toThrow(
          /permission denied for table audit_log/,
        );
      }
    } finally {
      await database.dataSource.query(`DROP OWNED BY ${role}`);
      await database.dataSource.query(`DROP ROLE ${role}`);
    }
  });

  describe('readAccessLog', () => {
    // seq: caller, subjects
    const log: [string, string[]][] = [
      ['alice', ['nik:A']],
      ['bob', ['nik:B', 'kpj:X']],
      ['alice', ['nik:B']],
      ['carol', ['nik:A', 'kpj:X']],
      ['alice', []],
    ];
    beforeEach(async () => {
      for (const [caller, subjects] of log) {
        await appendAuditEntry(database, entry({ callerSubject: caller, subjects, requestId: `req-${caller}` }));
      }
    });

    const seqs = async (filter: Parameters<typeof readAccessLog>[1]) =>
      (await readAccessLog(database, filter)).map((record) => record.seq);

    it('returns whole records, newest first, in one statement', async () => {
      const before = database.statements.count;
      const records = await readAccessLog(database, { first: 10 });
      expect(database.statements.count - before).toBe(1);
      expect(records.map((record) => record.seq)).toEqual([5, 4, 3, 2, 1]);
      const { chains } = await verifyAuditChain(database);
      expect(records[0]).toEqual({
        ...entry({ callerSubject: 'alice', subjects: [], requestId: 'req-alice' }),
        seq: 5,
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
        chain: 0,
        chainSeq: '5',
        action: 'READ',
        changes: [],
        refusalCode: null,
        hash: chains[0]?.head.hash,
      });
    });

    it('filters by data subject, by caller, or both', async () => {
      expect(await seqs({ subjects: ['nik:A'], first: 10 })).toEqual([4, 1]);
      expect(await seqs({ subjects: ['kpj:X', 'nik:A'], first: 10 })).toEqual([4, 2, 1]);
      expect(await seqs({ subjects: [], first: 10 })).toEqual([]);
      expect(await seqs({ callerSubject: 'alice', first: 10 })).toEqual([5, 3, 1]);
      expect(await seqs({ callerSubject: 'alice', subjects: ['nik:B'], first: 10 })).toEqual([3]);
    });

    it('pages with afterSeq', async () => {
      expect(await seqs({ callerSubject: 'alice', first: 2 })).toEqual([5, 3]);
      expect(await seqs({ callerSubject: 'alice', first: 2, afterSeq: 3 })).toEqual([1]);
      expect(await seqs({ callerSubject: 'alice', first: 2, afterSeq: 1 })).toEqual([]);
      expect(await seqs({ first: 0 })).toEqual([]);
      await expect(readAccessLog(database, { first: -1 })).rejects.toThrow(RangeError);
    });
  });

  it('migrates down to nothing, and up again', async () => {
    for (const _ of auditTrailMigrations) await database.dataSource.undoLastMigration();
    const leftovers = await database.dataSource.query(
      `SELECT relname AS name FROM pg_class WHERE relname LIKE 'audit_log%'
       UNION ALL SELECT proname FROM pg_proc WHERE proname LIKE 'audit_log%'`,
    );
    expect(leftovers).toEqual([]);
    await database.dataSource.runMigrations();
    await appendInOrder(1);
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 1, firstBroken: null });
  });
});
