import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPgliteServer, type PgliteServer } from '../pglite-server';
import { RawWireClient, wire } from './raw-wire-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the embedded PGlite served over the wire protocol', () => {
  let dataDir: string;
  let server: PgliteServer;
  let pool: Pool;
  const clientConfig = () => ({ host: server.host, port: server.port, user: 'postgres', database: 'postgres' });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jembatan-pglite-wire-'));
    server = await startPgliteServer(dataDir, 20);
    pool = new Pool({ ...clientConfig(), max: 8 });
    await pool.query('CREATE TABLE ledger (id serial PRIMARY KEY, note text NOT NULL)');
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps each connection's extended-protocol statements its own when eight run at once", async () => {
    // Two statement shapes, so a Bind that met the other connection's Parse fails or answers wrongly.
    const asks = Array.from({ length: 400 }, (_, i) =>
      i % 2 === 0
        ? pool.query<{ echoed: string }>('SELECT $1::text AS echoed', [`text-${i}`]).then((r) => r.rows[0]?.echoed)
        : pool
            .query<{ sum: number; label: string }>('SELECT $1::int + $2::int AS sum, $3::text AS label', [
              i,
              1,
              `n${i}`,
            ])
            .then((r) => `${r.rows[0]?.sum}/${r.rows[0]?.label}`),
    );
    const answers = await Promise.all(asks);
    expect(answers).toEqual(Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? `text-${i}` : `${i + 1}/n${i}`)));
  });

  it("runs no other client's statement between one client's Parse and its Sync", async () => {
    const first = await RawWireClient.open(server.port, server.host);
    const second = await RawWireClient.open(server.port, server.host);
    try {
      // The first client stops half-way through its statement, as a driver may between TCP segments.
      first.write(wire.parse('SELECT $1::text AS mine'), wire.bind('first'));
      await sleep(50);
      const secondAnswer = second.send(
        wire.parse('SELECT 42 AS theirs, $1::text AS label'),
        wire.bind('second'),
        wire.describePortal(),
        wire.execute(),
        wire.sync(),
      );
      await sleep(50);
      const firstAnswer = first.send(wire.describePortal(), wire.execute(), wire.sync());
      expect(await firstAnswer).toEqual({ rows: [['first']], errors: [] });
      expect(await secondAnswer).toEqual({ rows: [['42', 'second']], errors: [] });
    } finally {
      first.close();
      second.close();
    }
  });

  it('lets no other connection run inside an open transaction, which then rolls back cleanly', async () => {
    const writer = await pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('INSERT INTO ledger (note) VALUES ($1)', ['uncommitted']);
      const reading = pool.query<{ count: string }>('SELECT count(*) FROM ledger WHERE note = $1', ['uncommitted']);
      let readEarly = false;
      void reading.then(() => (readEarly = true));
      await sleep(150);
      expect(readEarly).toBe(false);
      await writer.query('ROLLBACK');
      expect((await reading).rows[0]?.count).toBe('0');
    } finally {
      writer.release();
    }
  });

  it('rolls back the transaction of a client that vanishes mid-way, and serves the rest', async () => {
    const leaver = new Client(clientConfig());
    leaver.on('error', () => undefined);
    await leaver.connect();
    await leaver.query('BEGIN');
    await leaver.query('INSERT INTO ledger (note) VALUES ($1)', ['abandoned']);
    const waiting = pool.query<{ count: string }>('SELECT count(*) FROM ledger WHERE note = $1', ['abandoned']);
    (leaver as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows[0]?.count).toBe('0');
    await pool.query('INSERT INTO ledger (note) VALUES ($1)', ['after']);
    expect((await pool.query('SELECT note FROM ledger WHERE note = $1', ['after'])).rowCount).toBe(1);
  });

  it('recovers the session from a client that left after a failed Parse without Sync', async () => {
    const raw = connect(server.port, server.host);
    await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
    const startup = Buffer.from('\0\0\0\0\0\x03\0\0user\0postgres\0database\0postgres\0\0', 'latin1');
    startup.writeInt32BE(startup.length, 0);
    const parse = Buffer.from('P\0\0\0\0\0SELEC broken\0\0\0', 'latin1');
    parse.writeInt32BE(parse.length - 1, 1);
    raw.write(Buffer.concat([startup, parse]));
    await sleep(100);
    raw.destroy();
    const answer = await pool.query<{ one: number }>('SELECT $1::int AS one', [1]);
    expect(answer.rows[0]?.one).toBe(1);
  });

  it('hangs up on a malformed frame and keeps serving others', async () => {
    const raw = connect(server.port, server.host);
    const closed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
    raw.on('error', () => undefined);
    raw.write(Buffer.from([0, 0, 0, 2, 0, 0, 0, 0]));
    await closed;
    expect((await pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
  });

  it('survives PGlite failing under one client: that client is cut off, the session is handed on', async () => {
    const victim = new Client(clientConfig());
    victim.on('error', () => undefined);
    await victim.connect();
    const run = vi.spyOn(server.session, 'run').mockRejectedValueOnce(new Error('simulated PGlite failure'));
    await expect(victim.query('SELECT 1')).rejects.toThrow();
    run.mockRestore();
    expect((await pool.query('SELECT 2 AS two')).rows[0]).toEqual({ two: 2 });
  });

  it('keeps socket clients out while the owning process works on PGlite directly', async () => {
    let reads = 0;
    const direct = server.session.exclusive((pglite) =>
      pglite.transaction(async (tx) => {
        await tx.query("INSERT INTO ledger (note) VALUES ('direct')");
        const reading = pool.query("SELECT count(*) FROM ledger WHERE note = 'direct'").then((r) => {
          reads += 1;
          return r.rows[0] as { count: string };
        });
        await sleep(100);
        expect(reads).toBe(0);
        // Wrapped: returning the read itself would make the transaction wait for it.
        return { reading };
      }),
    );
    const { reading } = await direct;
    expect((await reading).count).toBe('1');
  });
});

describe('a connection idle while it holds the embedded session', () => {
  it('is ended after the limit with PostgreSQL’s 25P03, its transaction rolled back, and the others go on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jembatan-pglite-idle-'));
    const server = await startPgliteServer(dataDir, 5, { idleInTransactionMs: 1_000 });
    const config = { host: server.host, port: server.port, user: 'postgres', database: 'postgres' };
    const other = new Client(config);
    const idle = new Client(config);
    try {
      await other.connect();
      await other.query('CREATE TABLE note (text text)');
      await idle.connect();
      // The FATAL first, then the closed socket: every one is heard, the first is kept.
      const ended = new Promise<Error & { code?: string }>((resolve) => idle.on('error', resolve));
      await idle.query('BEGIN');
      await idle.query("INSERT INTO note VALUES ('never committed')");
      const started = performance.now();
      const seen = await other.query<{ count: string }>('SELECT count(*) FROM note');
      expect(performance.now() - started).toBeGreaterThanOrEqual(500);
      expect(seen.rows[0]?.count).toBe('0');
      expect((await ended).code).toBe('25P03');
      await expect(idle.query('COMMIT')).rejects.toThrow();
      expect((await other.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
    } finally {
      await other.end().catch(() => undefined);
      await idle.end().catch(() => undefined);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
