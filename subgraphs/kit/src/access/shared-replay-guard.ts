import type { RedisConnection } from '../redis/redis-connection';
import { describeError, type Logger } from '../log';
import { LocalReplayGuard, REPLAY_CLOCK_TOLERANCE_SECONDS, type ReplayGuard } from './replay-guard';

export interface SharedReplayGuardOptions {
  redis: RedisConnection;
  /** Keys are `<prefix>:<jti>`; one prefix per subgraph, since each is the audience of its own tokens. */
  keyPrefix: string;
  logger: Logger;
}

/**
 * The ids seen by every replica of a subgraph, in Redis: one `SET <prefix>:<jti> 1 PX <ttl> NX`
 * per token, atomic, so of two replicas offered the same token at the same moment exactly one
 * admits it. Each key expires with its token, so Redis holds no more than the tokens of the last
 * 35 s.
 *
 * While Redis cannot answer, the guard falls back to this replica's memory (fail-open to the
 * per-replica guard, not to no guard): refusing every request would turn a Redis restart into an
 * outage of the agency, while what is lost meanwhile is only the cross-replica part of a
 * defence in depth. A replayed token is still bound to one audience and one operation as sent,
 * lives 30 s, and travels only on the internal network between gateway and subgraph; a replay to
 * the same replica is caught either way, since every id also goes into memory.
 * `jembatan_redis_up{use="replay_guard"}` is 0 for as long as that lasts.
 */
export function createSharedReplayGuard(options: SharedReplayGuardOptions): ReplayGuard {
  const { redis, keyPrefix, logger } = options;
  const local = new LocalReplayGuard();
  let fellBack = false;
  return {
    async admit(id, expiresAtSeconds) {
      if (!local.admitNow(id, expiresAtSeconds)) return false;
      const ttlMs = Math.max(1, Math.ceil((expiresAtSeconds + REPLAY_CLOCK_TOLERANCE_SECONDS) * 1000 - Date.now()));
      if (!redis.isUp()) return true;
      try {
        const stored = await redis.client.set(`${keyPrefix}:${id}`, '1', 'PX', ttlMs, 'NX');
        fellBack = false;
        return stored === 'OK';
      } catch (error) {
        // One line per outage, not per request: the connection logs its own state changes too.
        if (!fellBack)
          logger.warn('replay guard: Redis did not answer; guarding this replica only', describeError(error));
        fellBack = true;
        return true;
      }
    },
    shared: () => redis.isUp() && !fellBack,
    close: () => redis.close(),
  };
}
