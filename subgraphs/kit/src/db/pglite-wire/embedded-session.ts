import type { PGlite } from '@electric-sql/pglite';
import { Mutex, type MutexInterface } from 'async-mutex';
import { cstring, protocolMessage } from './protocol-message';

const SYNC = protocolMessage('S');
const COPY_FAIL = protocolMessage('f', cstring('client disconnected'));
const ROLLBACK = protocolMessage('Q', cstring('ROLLBACK'));

/**
 * PGlite is a single PostgreSQL session, while a pool opens many connections to it. The session
 * belongs to one holder at a time, from its first message until the backend is idle again (end
 * of a statement, or of a transaction), and waiting holders take turns in order of arrival.
 * Handing it over per message instead lets one client's Bind meet another client's Parse.
 */
export class EmbeddedSession {
  private readonly turn = new Mutex();

  // Private: all use goes through the turn, or a socket client's statement could slip in between.
  constructor(private readonly pglite: PGlite) {}

  /** Waits for the session; the caller hands it back with the releaser it gets. */
  acquire(): Promise<MutexInterface.Releaser> {
    return this.turn.acquire();
  }

  /** Runs `work` on PGlite directly, with no client of the socket in between. */
  exclusive<T>(work: (pglite: PGlite) => Promise<T>): Promise<T> {
    return this.turn.runExclusive(() => work(this.pglite));
  }

  /** Runs protocol messages for the holder, streaming the backend's answer to `onRawData`. */
  run(messages: Uint8Array, onRawData: (data: Uint8Array) => void): Promise<void> {
    return this.pglite.runExclusive(() => this.pglite.execProtocolRawStream(messages, { onRawData }));
  }

  /**
   * Leaves the session as a new holder expects it after a holder went away mid-way: out of any
   * COPY, past any half-sent extended query, and out of any transaction block.
   */
  async abandon(): Promise<void> {
    const discard = () => undefined;
    await this.run(Buffer.concat([COPY_FAIL, SYNC]), discard);
    if (this.pglite.isInTransaction()) await this.run(ROLLBACK, discard);
  }
}
