/** Remembers which gateway tokens (by `jti`) were already used, until each expires. */
export interface ReplayGuard {
  /** False when the id was already used; the id counts as used from now on. */
  admit(id: string, expiresAtSeconds: number): Promise<boolean>;
  /** Whether the guard is shared with the other replicas right now; undefined when it never is. */
  shared(): boolean | undefined;
  close(): void;
}

/** Past a token's expiry, for the clocks of gateway and subgraph to disagree by. */
export const REPLAY_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * The ids seen by this replica, in memory. A token replayed to another replica of the same
 * subgraph within its lifetime is not caught here: SharedReplayGuard is for that.
 */
export class LocalReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();

  admitNow(id: string, expiresAtSeconds: number): boolean {
    const now = Date.now() / 1000;
    if (this.seen.size > 10_000) for (const [key, expiry] of this.seen) if (expiry < now) this.seen.delete(key);
    if (this.seen.has(id)) return false;
    this.seen.set(id, expiresAtSeconds + REPLAY_CLOCK_TOLERANCE_SECONDS);
    return true;
  }

  async admit(id: string, expiresAtSeconds: number): Promise<boolean> {
    return this.admitNow(id, expiresAtSeconds);
  }

  shared(): undefined {
    return undefined;
  }

  close(): void {}
}
