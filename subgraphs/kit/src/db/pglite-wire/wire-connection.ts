import type { Socket } from 'node:net';
import type { MutexInterface } from 'async-mutex';
import { BackendMessageTracker } from './backend-messages';
import type { EmbeddedSession } from './embedded-session';
import { FrontendMessageReader } from './frontend-messages';
import { cstring, protocolMessage } from './protocol-message';

const NO_ENCRYPTION = Buffer.from('N');

/** PostgreSQL's own words for it (SQLSTATE 25P03), so drivers report it as they would there. */
const IDLE_IN_TRANSACTION_TIMEOUT = protocolMessage(
  'E',
  ...['SFATAL', 'VFATAL', 'C25P03', 'Mterminating connection due to idle-in-transaction timeout'].map(cstring),
  Buffer.from([0]),
);

/**
 * One client connection to the embedded database. What the client sends is run in order, as
 * whole messages, while this connection holds the session; it lets the session go when the
 * backend is idle again, so a pool's connections interleave only between statements and
 * transactions, as they would on a PostgreSQL server.
 */
export class WireConnection {
  private readonly reader = new FrontendMessageReader();
  private readonly answer = new BackendMessageTracker();
  /** Whole messages not yet run; the startup message stays apart from what follows it. */
  private pending: { startup: boolean; bytes: Buffer }[] = [];
  private draining = false;
  private held: MutexInterface.Releaser | undefined;
  private closing = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private resolveClosed!: () => void;
  /** Settles once the connection is gone and the session is handed back. */
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  /**
   * @param idleInTransactionMs How long the connection may hold the session without sending
   *   anything (inside a transaction, or half-way through a statement) before it is ended and its
   *   transaction rolled back: while it holds PGlite's one session, every other connection waits.
   */
  constructor(
    private readonly socket: Socket,
    private readonly session: EmbeddedSession,
    private readonly idleInTransactionMs: number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // A client that resets the connection is gone like one that closes it.
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    clearTimeout(this.idleTimer);
    this.pending = [];
    this.socket.destroy();
    if (!this.draining) void this.handBack();
  }

  private receive(chunk: Buffer): void {
    if (this.closing) return;
    clearTimeout(this.idleTimer);
    let messages;
    try {
      messages = this.reader.push(chunk);
    } catch {
      // A malformed frame leaves nothing to resynchronise on: PostgreSQL hangs up too.
      this.close();
      return;
    }
    for (const message of messages) {
      if (message.kind === 'encryption-request') this.socket.write(NO_ENCRYPTION);
      else if (message.kind === 'cancel-request' || message.kind === 'terminate') return this.close();
      else this.pending.push({ startup: message.kind === 'startup', bytes: message.bytes });
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length > 0 && !this.closing) {
        this.held ??= await this.session.acquire();
        if (this.closing) break;
        const batch = this.nextBatch();
        this.answer.reset();
        await this.session.run(batch, (data) => {
          this.answer.observe(data);
          if (!this.socket.destroyed) this.socket.write(data);
        });
        if (this.answer.endsIdle) this.letGo();
      }
    } catch {
      // PGlite itself failed: this client cannot trust the session's state, the others still can.
      this.close();
    } finally {
      this.draining = false;
      if (this.closing) await this.handBack();
      else if (this.held) this.watchIdleHolder();
    }
  }

  private watchIdleHolder(): void {
    // One watch at a time, however the drains that leave the session held interleave.
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.socket.destroyed) this.socket.write(IDLE_IN_TRANSACTION_TIMEOUT);
      this.close();
    }, this.idleInTransactionMs);
    this.idleTimer.unref();
  }

  /**
   * The messages to run in one call: PGlite runs several at once, but answers a startup message
   * on its own and would leave what came after it for whoever runs next.
   */
  private nextBatch(): Buffer {
    const first = this.pending[0] as { startup: boolean; bytes: Buffer };
    const batch = first.startup ? [first] : this.pending;
    this.pending = this.pending.slice(batch.length);
    return batch.length === 1 ? first.bytes : Buffer.concat(batch.map((message) => message.bytes));
  }

  private letGo(): void {
    const release = this.held;
    this.held = undefined;
    release?.();
  }

  private async handBack(): Promise<void> {
    try {
      if (this.held) await this.session.abandon();
    } catch {
      // The next holder meets whatever state is left; a stuck session would stop every client.
    } finally {
      this.letGo();
      this.resolveClosed();
    }
  }
}
