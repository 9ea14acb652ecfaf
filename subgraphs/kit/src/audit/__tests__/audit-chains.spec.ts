import type { EntityManager, MigrationInterface } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { appendAuditEntry } from '../audit-entry';
import { sampleAuditEntry } from '../../testing/sample-audit-entry';
import { setAuditChainCount } from '../audit-chain-count';
import { SplitAuditTrailIntoChains1732406400030, DEFAULT_AUDIT_CHAINS } from '../audit-chains.migration';
import { AddAuditDataSubject1732406400020 } from '../audit-data-subject.migration';
import { AddWriteAuditRecords1766000000030 } from '../audit-writes.migration';
import { AUDIT_ROW_COLUMNS, toCanonicalRecord, type AuditRow } from '../audit-row';
import { auditTrailMigrations, CreateAuditTrail1732406400010 } from '../audit-trail.migration';
import { auditRecordHash, GENESIS_HASH } from '../canonical-record';
import { verifyAuditChain } from '../verify-audit-chain';

/** What an attacker with superuser access can do: switch off user triggers, then rewrite at will. */
const asSuperuserBypassingTriggers = (database: Database, work: (manager: EntityManager) => Promise<unknown>) =>
  database.dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL session_replication_role = replica');
    await work(manager);
  });

const appendConcurrently = (database: Database, count: number, label = 'r') =>
  Promise.all(Array.from({ length: count }, (_, i) => appendAuditEntry(database, sampleAuditEntry(`${label}${i}`))));

/** Every record, chain by chain in chain order. */
const readChains = async (database: Database): Promise<Map<number, AuditRow[]>> => {
  const rows: AuditRow[] = await database.dataSource.query(
    `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log ORDER BY chain, coalesce(chain_seq, seq)`,
  );
  const chains = new Map<number, AuditRow[]>();
  for (const row of rows) chains.set(row.chain, [...(chains.get(row.chain) ?? []), row]);
  return chains;
};

const insertForged = (manager: EntityManager, row: AuditRow) =>
  manager.query(
    `INSERT INTO audit_log (seq, occurred_at, caller_subject, caller_agency, caller_roles, purpose, operation_name,
       request_id, subjects, fields, data_subject, prev_hash, hash, chain, chain_seq)
     VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      row.seq_text,
      row.occurred_at,
      row.caller_subject,
      row.caller_agency,
      row.caller_roles,
      row.purpose,
      row.operation_name,
      row.request_id,
      row.subjects,
      row.fields,
      row.data_subject,
      row.prev_hash,
      row.hash,
      row.chain,
      row.chain_seq_text,
    ],
  );

describe.each(TEST_ENGINES)('an audit trail of several chains on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'audit-chains', auditTrailMigrations));
  });
  afterAll(() => dispose?.());

  beforeEach(() =>
    asSuperuserBypassingTriggers(database, (manager) => manager.query('TRUNCATE audit_log RESTART IDENTITY')),
  );

  it('spreads concurrent appends over chains, each numbered 1, 2, 3… and in seq and time order', async () => {
    await appendConcurrently(database, 200);
    const report = await verifyAuditChain(database, { batchSize: 7 });
    expect(report).toMatchObject({ entries: 200, firstBroken: null });
    // PostgreSQL runs the appends side by side on the pool's connections; PGlite runs one
    // statement at a time on one backend, which always finds its first chain free.
    expect(report.chains.length > 1).toBe(engine === 'postgres');
    expect(report.chains.length).toBeLessThanOrEqual(DEFAULT_AUDIT_CHAINS);

    const chains = await readChains(database);
    expect([...chains.keys()]).toEqual(report.chains.map((chain) => chain.chain));
    for (const [chain, rows] of chains) {
      expect(rows.map((row) => Number(row.chain_seq_text))).toEqual(rows.map((_, i) => i + 1));
      const seqs = rows.map((row) => Number(row.seq_text));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      const times = rows.map((row) => row.occurred_at);
      expect(times).toEqual([...times].sort());
      expect(rows[0]!.prev_hash.equals(GENESIS_HASH)).toBe(true);
      expect(report.chains.find((c) => c.chain === chain)?.head.hash).toBe(rows.at(-1)!.hash.toString('hex'));
    }
    const allSeqs = [...chains.values()].flat().map((row) => Number(row.seq_text));
    expect(allSeqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  // In every chain long enough, the record at link 2 is edited, removed, or preceded by a forged
  // record (hashed correctly, the chain's later records renumbered): each chain names its own break.
  const tamperings = {
    edited: {
      tamper: (manager: EntityManager, chain: AuditRow[]) =>
        manager.query(`UPDATE audit_log SET purpose = 'STATISTICS' WHERE seq = $1`, [chain[1]!.seq_text]),
      expected: (chain: AuditRow[]) => ({
        link: 2,
        seq: Number(chain[1]!.seq_text),
        problem: `record ${chain[1]!.seq_text} was altered: its hash does not match its contents`,
      }),
    },
    removed: {
      tamper: (manager: EntityManager, chain: AuditRow[]) =>
        manager.query('DELETE FROM audit_log WHERE seq = $1', [chain[1]!.seq_text]),
      expected: (chain: AuditRow[]) => ({
        link: 2,
        seq: null,
        problem: `link 2 is missing: record ${chain[2]!.seq_text} (link 3) follows record ${chain[0]!.seq_text} (link 1)`,
      }),
    },
    inserted: {
      async tamper(manager: EntityManager, chain: AuditRow[]) {
        const [first] = chain;
        // Two steps, so no intermediate state collides on the chain's index.
        await manager.query('UPDATE audit_log SET chain_seq = chain_seq + 1000 WHERE chain = $1 AND chain_seq >= 2', [
          first!.chain,
        ]);
        await manager.query('UPDATE audit_log SET chain_seq = chain_seq - 999 WHERE chain = $1 AND chain_seq > 1000', [
          first!.chain,
        ]);
        const forged = { ...first!, seq_text: String(100_000 + first!.chain), chain_seq_text: '2', purpose: 'AUDIT' };
        forged.prev_hash = first!.hash;
        forged.hash = auditRecordHash(first!.hash, toCanonicalRecord(forged));
        await insertForged(manager, forged);
      },
      expected: (chain: AuditRow[]) => ({
        link: 2,
        seq: 100_000 + chain[0]!.chain,
        problem: `record ${100_000 + chain[0]!.chain} was inserted: record ${chain[1]!.seq_text} is chained to record ${chain[0]!.seq_text}, not to it`,
      }),
    },
  };

  it.each(Object.keys(tamperings) as (keyof typeof tamperings)[])(
    'detects a record %s in whichever chain it happened',
    async (kind) => {
      await appendConcurrently(database, 60);
      const chains = await readChains(database);
      const long = [...chains.values()].filter((rows) => rows.length >= 3);
      expect(long.length).toBeGreaterThan(0);
      const { tamper, expected } = tamperings[kind];
      await asSuperuserBypassingTriggers(database, async (manager) => {
        for (const rows of long) await tamper(manager, rows);
      });

      const report = await verifyAuditChain(database);
      const breakOf = (chain: number) => report.chains.find((c) => c.chain === chain)?.firstBroken;
      for (const [chain, rows] of chains) {
        expect(breakOf(chain)).toEqual(rows.length >= 3 ? { chain, ...expected(rows) } : null);
      }
      expect(report.firstBroken).toEqual(breakOf(long[0]![0]!.chain));
    },
  );

  it('detects a record moved to another chain', async () => {
    await appendConcurrently(database, 20);
    // Six in a row in chain 0, so the one moved is at least its link 4.
    await setAuditChainCount(database, 1);
    for (let i = 0; i < 6; i += 1) await appendAuditEntry(database, sampleAuditEntry(`serial-${i}`));
    await setAuditChainCount(database, DEFAULT_AUDIT_CHAINS);
    const moved = (await readChains(database)).get(0)!.at(-3)!;
    const link = Number(moved.chain_seq_text);
    const elsewhere = DEFAULT_AUDIT_CHAINS + 1;
    await asSuperuserBypassingTriggers(database, (manager) =>
      manager.query(`UPDATE audit_log SET chain = ${elsewhere} WHERE seq = $1`, [moved.seq_text]),
    );
    const report = await verifyAuditChain(database);
    const breakOf = (chain: number) => report.chains.find((c) => c.chain === chain)?.firstBroken;
    expect(breakOf(0)).toMatchObject({ link, seq: null, problem: expect.stringMatching(`^link ${link} is missing`) });
    expect(breakOf(elsewhere)).toEqual({
      chain: elsewhere,
      link: 1,
      seq: null,
      problem: `links 1 to ${link - 1} are missing: the chain starts at record ${moved.seq_text} (link ${link})`,
    });
  });

  it('refuses a number of chains out of range', async () => {
    for (const chains of [0, 1.5, 1025]) await expect(setAuditChainCount(database, chains)).rejects.toThrow(RangeError);
  });
});

// PGlite runs one statement at a time, so appends there never run side by side in the first place.
describe('appends on PostgreSQL', () => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase('postgres', 'audit-chain-locks', auditTrailMigrations));
  });
  afterAll(() => dispose?.());

  const APPEND = `INSERT INTO audit_log (caller_subject, caller_agency, caller_roles, request_id, subjects, fields)
                  VALUES ('hr-3', 'pemprov-dki', '{dki_hr}', $1, '{nik:3174015203850001}', '{Worker.monthlyWage}')`;

  /** An append that gives up when it waits for a lock longer than a moment. */
  const appendWithoutWaiting = (requestId: string) =>
    database.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL lock_timeout = '500ms'`);
      await manager.query(APPEND, [requestId]);
    });

  /** Runs `work` while another transaction has appended and not yet committed. */
  async function whileAnAppendIsOpen(work: () => Promise<unknown>) {
    const runner = database.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(APPEND, ['open']);
      await work();
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('go on while another transaction holds a chain; with one chain they wait for it', async () => {
    await whileAnAppendIsOpen(() => expect(appendWithoutWaiting('beside')).resolves.toBeUndefined());

    await setAuditChainCount(database, 1);
    try {
      await whileAnAppendIsOpen(() => expect(appendWithoutWaiting('behind')).rejects.toThrow(/lock timeout/));
    } finally {
      await setAuditChainCount(database, DEFAULT_AUDIT_CHAINS);
    }
    expect(await verifyAuditChain(database)).toMatchObject({ entries: 1, firstBroken: null });
  });
});

describe.each(TEST_ENGINES)('a trail written before there were chains, on %s', (engine) => {
  it('verifies after the migration as the start of chain 0, which goes on from its head', async () => {
    const { database, dispose } = await openScratchDatabase(engine, 'audit-upgrade', [CreateAuditTrail1732406400010]);
    const migrate = async (migration: MigrationInterface) => {
      const runner = database.dataSource.createQueryRunner();
      try {
        await migration.up(runner);
      } finally {
        await runner.release();
      }
    };
    try {
      for (const requestId of ['old-1', 'old-2', 'old-3', 'old-4']) {
        await database.dataSource.query(
          `INSERT INTO audit_log (caller_subject, caller_agency, caller_roles, request_id, subjects, fields)
           VALUES ('hr-3', 'pemprov-dki', '{dki_hr}', $1, '{nik:3174015203850001}', '{Worker.monthlyWage}')`,
          [requestId],
        );
      }
      await migrate(new AddAuditDataSubject1732406400020());
      await database.dataSource.query(
        `INSERT INTO audit_log (caller_subject, caller_agency, caller_roles, request_id, subjects, fields, data_subject)
         VALUES ('hr-3', 'pemprov-dki', '{dki_hr}', 'subject-1', '{nik:3174015203850001}', '{Worker.monthlyWage}',
                 '3174015203850001')`,
      );
      await migrate(new SplitAuditTrailIntoChains1732406400030());
      // Records of reads from before writes were recorded hash as they did (and are READs).
      await migrate(new AddWriteAuditRecords1766000000030());

      const before = await verifyAuditChain(database);
      expect(before).toMatchObject({ entries: 5, firstBroken: null, chains: [{ chain: 0, entries: 5 }] });
      const oldHead = before.chains[0]!.head;
      expect(oldHead).toMatchObject({ link: 5, seq: 5 });

      await setAuditChainCount(database, 1);
      await appendAuditEntry(
        database,
        sampleAuditEntry('chained-1', { action: 'WRITE', changes: ['Worker.monthlyWage=0a'] }),
      );
      await setAuditChainCount(database, DEFAULT_AUDIT_CHAINS);
      await appendConcurrently(database, 40, 'chained-');
      const chainZero = (await readChains(database)).get(0)!;
      expect(chainZero.slice(0, 5).map((row) => row.chain_seq_text)).toEqual([null, null, null, null, null]);
      expect(chainZero[5]).toMatchObject({ seq_text: '6', chain_seq_text: '6', request_id: 'chained-1' });
      expect(chainZero[5]!.prev_hash.toString('hex')).toBe(oldHead.hash);

      const after = await verifyAuditChain(database);
      expect(after).toMatchObject({ entries: 46, firstBroken: null });
      expect(after.chains.map((chain) => chain.entries).reduce((sum, entries) => sum + entries)).toBe(46);

      // A record from before keeps its old hash: editing it, or giving it a chain number, shows.
      await asSuperuserBypassingTriggers(database, (manager) =>
        manager.query('UPDATE audit_log SET chain_seq = 3 WHERE seq = 3'),
      );
      expect((await verifyAuditChain(database)).firstBroken).toEqual({
        chain: 0,
        link: 3,
        seq: 3,
        problem: 'record 3 was altered: its hash does not match its contents',
      });
      // Moving a record from before breaks the check that records have a chain_seq, unless the
      // owner drops it first.
      await expect(
        asSuperuserBypassingTriggers(database, (manager) =>
          manager.query('UPDATE audit_log SET chain = 1000 WHERE seq = 1'),
        ),
      ).rejects.toThrow(/audit_log_chain_seq_set/);
      await asSuperuserBypassingTriggers(database, async (manager) => {
        await manager.query('ALTER TABLE audit_log DROP CONSTRAINT audit_log_chain_seq_set');
        await manager.query('UPDATE audit_log SET chain = 1000 WHERE seq = 1');
      });
      const moved = await verifyAuditChain(database);
      expect(moved.firstBroken).toMatchObject({ chain: 0, link: 1, seq: null });
      expect(moved.chains.find((chain) => chain.chain === 1000)?.firstBroken).toEqual({
        chain: 1000,
        link: 1,
        seq: 1,
        problem: 'record 1 was moved: only chain 0 holds records from before there were chains',
      });
    } finally {
      await dispose();
    }
  });
});
