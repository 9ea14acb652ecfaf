import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import { EmbeddedSession } from './pglite-wire/embedded-session';
import { WireConnection } from './pglite-wire/wire-connection';

/** As long as a connection may sit inside a transaction while every other one waits for it. */
export const EMBEDDED_IDLE_IN_TRANSACTION_MS = 60_000;

export interface PgliteServer {
  session: EmbeddedSession;
  host: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Opens a PGlite data directory and serves it over the PostgreSQL wire protocol on loopback,
 * so TypeORM uses its ordinary `postgres` driver: one code path for both engines. Each client
 * connection gets the one embedded session for a whole statement or transaction at a time
 * (pglite-socket hands it over per message, which mixes up concurrent clients' statements).
 */
export async function startPgliteServer(
  dataDir: string,
  maxConnections: number,
  { idleInTransactionMs = EMBEDDED_IDLE_IN_TRANSACTION_MS } = {},
): Promise<PgliteServer> {
  // PGlite does not create missing parent folders.
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create({ dataDir });
    const session = new EmbeddedSession(pglite);
    const connections = new Set<WireConnection>();
    const server = createServer((socket) => {
      const connection = new WireConnection(socket, session, idleInTransactionMs);
      connections.add(connection);
      void connection.closed.then(() => connections.delete(connection));
    });
    server.maxConnections = maxConnections;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { address, port } = server.address() as AddressInfo;
    const opened = pglite;
    return {
      session,
      host: address,
      port,
      async stop() {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        const everyone = [...connections];
        for (const connection of everyone) connection.close();
        await Promise.all(everyone.map((connection) => connection.closed));
        await stopped;
        await opened.close();
        release();
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    release();
    throw error;
  }
}
