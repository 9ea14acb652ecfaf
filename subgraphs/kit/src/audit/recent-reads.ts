import type { AuditEntry } from './audit-entry';

interface RememberedRead {
  entry: AuditEntry;
  expiresAt: number;
}

/** Long enough for a merged request's copy to follow its leader's answer, short enough to hold little. */
const DEFAULT_TTL_MS = 30_000;
/** A few megabytes at most (a heavy page's record names about a hundred people). */
const DEFAULT_MAX_READS = 1_000;

/**
 * The audited reads this replica answered in the last seconds, by request id and the digest of
 * the operation the gateway signed: what an audit copy (auditCopyRoute) needs to record that
 * another request of the same caller received the same answer. Bounded in count and age; the
 * oldest is forgotten first, and a forgotten read is refused as a copy, never guessed.
 */
export class RecentReads {
  private readonly reads = new Map<string, RememberedRead>();

  constructor(
    private readonly maxReads = DEFAULT_MAX_READS,
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  remember(operationDigest: string, entry: AuditEntry): void {
    const key = keyOf(entry.requestId, operationDigest);
    this.reads.delete(key);
    this.reads.set(key, { entry, expiresAt: this.now() + this.ttlMs });
    while (this.reads.size > this.maxReads) this.reads.delete(this.reads.keys().next().value!);
  }

  find(requestId: string, operationDigest: string): AuditEntry | undefined {
    const key = keyOf(requestId, operationDigest);
    const read = this.reads.get(key);
    if (!read) return undefined;
    if (read.expiresAt > this.now()) return read.entry;
    this.reads.delete(key);
    return undefined;
  }
}

const keyOf = (requestId: string, operationDigest: string) => `${requestId} ${operationDigest}`;
