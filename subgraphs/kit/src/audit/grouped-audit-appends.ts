import type { Database } from '../db/database';
import { appendAuditEntries, appendAuditEntry, type AuditEntry } from './audit-entry';

interface Waiting {
  entry: AuditEntry;
  written(): void;
  failed(error: unknown): void;
}

export interface GroupedAuditAppendsOptions {
  /** Appends in flight at once; more wait and go together in the next. */
  maxInFlight?: number;
  /** The most records one statement carries (12 parameters each; PostgreSQL takes 65,535). */
  maxRecordsPerAppend?: number;
}

/** A few statements at once keep the pool busy while the next group gathers; the chains take 16. */
const DEFAULT_MAX_IN_FLIGHT = 4;
const DEFAULT_MAX_RECORDS_PER_APPEND = 200;

/**
 * Group commit for the audit records of concurrent requests. A record is appended at once while
 * fewer than `maxInFlight` appends are in flight, alone as before; beyond that, the records that
 * arrive wait for the next free slot and are appended together, one INSERT and one commit for all
 * of them, each chained by the trigger as if alone. Each request still waits until its own record
 * is committed before its answer leaves, so what the trail proves is unchanged: it costs less
 * under load (fewer commits, round trips and WAL flushes) and nothing when idle.
 *
 * A group that fails is appended again one record at a time, so one bad record costs only its
 * own request its answer.
 */
export class GroupedAuditAppends {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxRecordsPerAppend: number;

  constructor(
    private readonly database: Database,
    options: GroupedAuditAppendsOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    this.maxRecordsPerAppend = options.maxRecordsPerAppend ?? DEFAULT_MAX_RECORDS_PER_APPEND;
  }

  /** Resolves once `entry` is committed to the trail; rejects when it could not be. */
  append(entry: AuditEntry): Promise<void> {
    return this.appendAll([entry]);
  }

  /** Several records at once, as one group when they fit: resolves once all are committed. */
  async appendAll(entries: readonly AuditEntry[]): Promise<void> {
    const each = entries.map(
      (entry) => new Promise<void>((written, failed) => this.waiting.push({ entry, written, failed })),
    );
    this.startNext();
    await Promise.all(each);
  }

  private startNext(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxRecordsPerAppend);
      this.inFlight += 1;
      void this.write(group).finally(() => {
        this.inFlight -= 1;
        this.startNext();
      });
    }
  }

  private async write(group: Waiting[]): Promise<void> {
    try {
      await appendAuditEntries(
        this.database,
        group.map((waiting) => waiting.entry),
      );
      for (const waiting of group) waiting.written();
    } catch (error) {
      if (group.length === 1) return group[0]!.failed(error);
      await Promise.all(
        group.map((waiting) => appendAuditEntry(this.database, waiting.entry).then(waiting.written, waiting.failed)),
      );
    }
  }
}
