import { Redis } from 'ioredis';
import { describeError, silentLogger, type Logger } from '../log';

export interface RedisConnectionOptions {
  url: string;
  logger?: Logger;
  /** How long a command may wait for Redis before it fails (and the caller falls back). */
  commandTimeoutMs?: number;
  /** How long to wait for the first connection before going on without it. */
  firstConnectionTimeoutMs?: number;
}

export interface RedisConnection {
  readonly client: Redis;
  /** Whether Redis answers now; false while the service carries on without it. */
  isUp(): boolean;
  close(): void;
}

/**
 * A Redis client for state that a service can live without for a while. Commands never wait
 * for a connection (no offline queue) and never wait long for an answer, so a Redis outage costs
 * each request at most `commandTimeoutMs`, usually nothing; ioredis keeps reconnecting in the
 * background, every 2 s at most, and the client serves again as soon as Redis is back.
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const logger = options.logger ?? silentLogger;
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });

  // One log line per change of state, not one per failed reconnection attempt.
  let state: 'connecting' | 'up' | 'down' = 'connecting';
  let closing = false;
  const target = { redis: new URL(options.url).host };
  client.on('ready', () => {
    if (state !== 'up') logger.info('redis connected', target);
    state = 'up';
  });
  const markDown = (error?: unknown) => {
    if (closing || state === 'down') return;
    state = 'down';
    logger.warn('redis unavailable; carrying on without it until it returns', {
      ...target,
      ...(error === undefined ? {} : describeError(error)),
    });
  };
  // ioredis emits 'error' for every failed attempt; an EventEmitter without a listener would throw.
  client.on('error', markDown);
  client.on('close', () => markDown());

  await new Promise<void>((resolve) => {
    const settle = () => {
      clearTimeout(timer);
      client.off('ready', settle);
      client.off('error', settle);
      resolve();
    };
    const timer = setTimeout(settle, options.firstConnectionTimeoutMs ?? 2_000);
    client.once('ready', settle);
    client.once('error', settle);
  });

  return {
    client,
    isUp: () => state === 'up',
    close() {
      closing = true;
      client.disconnect();
    },
  };
}
