import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock';

export interface PgliteServer {
  pglite: PGlite;
  host: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Opens a PGlite data directory and serves it over the PostgreSQL wire protocol on loopback,
 * so TypeORM uses its ordinary `postgres` driver: one code path for both engines, with real
 * per-connection transaction isolation (unlike adapters that share one connection).
 */
export async function startPgliteServer(dataDir: string, maxConnections: number): Promise<PgliteServer> {
  // PGlite does not create missing parent folders.
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  try {
    pglite = await PGlite.create({ dataDir });
    server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
  } catch (error) {
    release();
    throw error;
  }
  const [host = '127.0.0.1', port = '0'] = server.getServerConn().split(':');
  return {
    pglite,
    host,
    port: Number(port),
    async stop() {
      await server.stop();
      await pglite.close();
      release();
    },
  };
}
