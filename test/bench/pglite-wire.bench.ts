import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { startPgliteServer } from '@jembatan/kit';
import { Pool } from 'pg';
import { median } from './measure';

/**
 * The kit's wire server for the embedded PGlite against pglite-socket 0.2.17, the server it
 * replaced: a pool of 8 connections sends a burst of statements of two shapes and short
 * transactions, in alternating rounds on two fresh databases in this process. It prints the
 * milliseconds per burst and every answer that came back wrong or failed, since pglite-socket
 * hands its one session over per message and lets concurrent statements meet.
 *
 *   pnpm bench:pglite-wire [--rounds 6] [--statements 2000]
 */
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '6' }, statements: { type: 'string', default: '2000' } },
  strict: true,
});
const ROUNDS = Number(values.rounds);
const STATEMENTS = Number(values.statements);
const SERVERS = ['kit', 'pglite-socket'] as const;
type ServerName = (typeof SERVERS)[number];

interface Served {
  port: number;
  stop(): Promise<void>;
}

async function serve(name: ServerName, dataDir: string): Promise<Served> {
  if (name === 'kit') return startPgliteServer(dataDir, 20);
  const pglite = await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 20 });
  await server.start();
  return {
    port: Number(server.getServerConn().split(':')[1]),
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

/** One burst: how long it took, and how many answers were wrong or failed. */
async function burst(pool: Pool): Promise<{ ms: number; wrong: number; failed: number }> {
  let wrong = 0;
  let failed = 0;
  const check = (ask: Promise<boolean>) =>
    ask.then(
      (right) => void (right || (wrong += 1)),
      () => void (failed += 1),
    );
  const started = performance.now();
  await Promise.all(
    Array.from({ length: STATEMENTS }, (_, i) => {
      if (i % 10 === 9) {
        return check(
          (async () => {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              await client.query('INSERT INTO tally (burst_item) VALUES ($1)', [i]);
              const seen = await client.query<{ n: string }>('SELECT count(*) AS n FROM tally WHERE burst_item = $1', [
                i,
              ]);
              await client.query('ROLLBACK');
              return seen.rows[0]?.n === '1';
            } catch (error) {
              await client.query('ROLLBACK').catch(() => undefined);
              throw error;
            } finally {
              client.release();
            }
          })(),
        );
      }
      if (i % 2 === 0) {
        return check(pool.query('SELECT $1::text AS echoed', [`t${i}`]).then((r) => r.rows[0]?.echoed === `t${i}`));
      }
      return check(
        pool
          .query('SELECT $1::int + $2::int AS sum, $3::text AS label FROM generate_series(1, 20)', [i, 1, `n${i}`])
          .then((r) => r.rowCount === 20 && r.rows[0]?.sum === i + 1 && r.rows[0]?.label === `n${i}`),
      );
    }),
  );
  return { ms: performance.now() - started, wrong, failed };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'jembatan-bench-pglite-wire-'));
  const servers = {} as Record<ServerName, { served: Served; pool: Pool }>;
  try {
    for (const name of SERVERS) {
      const served = await serve(name, join(folder, name));
      const pool = new Pool({ host: '127.0.0.1', port: served.port, user: 'postgres', database: 'postgres', max: 8 });
      pool.on('error', () => undefined);
      await pool.query('CREATE TABLE tally (burst_item int NOT NULL)');
      servers[name] = { served, pool };
    }
    const timings: Record<ServerName, number[]> = { kit: [], 'pglite-socket': [] };
    const mistakes: Record<ServerName, { wrong: number; failed: number }> = {
      kit: { wrong: 0, failed: 0 },
      'pglite-socket': { wrong: 0, failed: 0 },
    };
    console.log(`${STATEMENTS} statements a burst over 8 connections, ${ROUNDS} rounds after a warm-up`);
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const name of round % 2 ? SERVERS : ([...SERVERS].reverse() as ServerName[])) {
        const result = await burst(servers[name].pool);
        mistakes[name].wrong += result.wrong;
        mistakes[name].failed += result.failed;
        if (round === 0) continue;
        timings[name].push(result.ms);
        console.log(
          `round ${round} ${name.padEnd(13)} ${result.ms.toFixed(0)} ms  wrong ${result.wrong}, failed ${result.failed}  (load ${loadavg()[0]!.toFixed(2)})`,
        );
      }
    }
    const kit = median(timings.kit);
    const peer = median(timings['pglite-socket']);
    console.log(
      `median: kit ${kit.toFixed(0)} ms, pglite-socket ${peer.toFixed(0)} ms, ratio ${(kit / peer).toFixed(2)}×`,
    );
    for (const name of SERVERS) {
      console.log(`${name}: ${mistakes[name].wrong} wrong and ${mistakes[name].failed} failed answers in all rounds`);
    }
  } finally {
    for (const { served, pool } of Object.values(servers)) {
      await pool.end();
      await served.stop();
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
