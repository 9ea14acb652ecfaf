import type { DataSource, QueryRunner } from 'typeorm';
import { inShortTransaction } from './short-transaction';

// Any fixed number, the same in every replica of every agency (each agency has its own database).
const RELAY_LOCK = 7_266_000_040;

/**
 * Which replica of a service relays its outbox: the one holding a session-level advisory lock
 * on its own connection. A second replica stands by and takes over as soon as the first one's
 * connection ends (it stopped, crashed or lost the database), so two replicas never publish the
 * same rows twice over, and no transaction stays open while events are on the wire (PGlite
 * runs one transaction at a time: a relay holding one would stall every write of the service).
 * On PGlite, one session for the whole process, the lock always succeeds: its data directory
 * belongs to one process, so there is only ever one relay.
 */
export class RelayLeadership {
  private runner: QueryRunner | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** The leader's connection, or undefined while another replica leads. */
  async acquire(): Promise<QueryRunner | undefined> {
    if (this.runner) return this.runner;
    const runner = this.dataSource.createQueryRunner();
    try {
      const [row] = (await inShortTransaction(runner, () =>
        runner.query('SELECT pg_try_advisory_lock($1) AS leader', [RELAY_LOCK]),
      )) as { leader: boolean }[];
      if (row?.leader) return (this.runner = runner);
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return undefined;
  }

  /** Gives the lock up (on stop, or after an error that may have broken the connection). */
  async release(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    try {
      await inShortTransaction(runner, () => runner.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK]));
    } catch {
      // A broken connection holds no lock any more.
    } finally {
      await runner.release();
    }
  }
}
