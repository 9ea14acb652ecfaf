import { randomUUID } from 'node:crypto';

/** Anything that runs SQL: the relay's transaction. */
interface Queries {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

// One statement, so two replicas racing for an expired lease cannot both win: the second waits
// for the first's row lock, then sees an unexpired lease of another holder and updates nothing.
const HOLD_SQL = `
  INSERT INTO outbox_relay_lease AS lease (source, holder, expires_at)
  VALUES ($1, $2, now() + $3 * interval '1 millisecond')
  ON CONFLICT (source) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
   WHERE lease.holder = EXCLUDED.holder OR lease.expires_at < now()
  RETURNING holder`;

const RELEASE_SQL = 'DELETE FROM outbox_relay_lease WHERE source = $1 AND holder = $2';

/**
 * Which replica of a service relays its outbox: the holder of an unexpired lease row, renewed
 * by every statement-sized transaction of the relay, so it works the same directly on
 * PostgreSQL, through PgBouncer in transaction pooling mode and on PGlite, and no transaction
 * stays open while events are on the wire (PGlite runs one at a time). A standby takes over
 * when the leader gives the lease up on stopping, or when it expires after a crash or a cut.
 * A leader whose publish outlasts its lease may overlap its successor: both publish the same
 * event ids, which the stream's de-duplication and the consumer's inbox drop.
 */
export class RelayLease {
  readonly holder = randomUUID();
  /** Until when (this process's monotonic clock) the lease is surely ours without renewing it. */
  private surelyHeldUntil = 0;

  constructor(
    private readonly source: string,
    private readonly ttlMs: number,
  ) {}

  /** Renews the lease (or takes a free or expired one) when a third of it is spent: whether this replica leads. */
  async hold(queries: Queries): Promise<boolean> {
    const asked = performance.now();
    if (asked < this.surelyHeldUntil) return true;
    const rows = (await queries.query(HOLD_SQL, [this.source, this.holder, this.ttlMs])) as unknown[];
    this.surelyHeldUntil = rows.length > 0 ? asked + this.ttlMs / 3 : 0;
    return rows.length > 0;
  }

  /** Stops trusting the lease without asking: the transaction that renewed it may have rolled back. */
  forget(): void {
    this.surelyHeldUntil = 0;
  }

  /** Gives the lease up so a standby takes over at once (on stop). */
  async release(queries: Queries): Promise<void> {
    this.forget();
    await queries.query(RELEASE_SQL, [this.source, this.holder]);
  }
}
