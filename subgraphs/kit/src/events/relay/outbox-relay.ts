import type { DataSource, EntityManager } from 'typeorm';
import { describeError, type Logger } from '../../log';
import { UNOBSERVED_EVENTS, type EventMetrics } from '../event-metrics';
import type { EventPublisher } from '../event-transport';
import { RelayLease } from './relay-lease';
import { markPublished, readUnpublishedEvents } from './unpublished-events';

/** A publish the transport refused: the relay's connection is fine. */
class PublishFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('publish failed');
  }
}

export interface OutboxRelayOptions {
  source: string;
  dataSource: DataSource;
  publisher: EventPublisher;
  logger: Logger;
  metrics?: EventMetrics;
  /** Events per publish (EVENTS_RELAY_BATCH). */
  batchSize: number;
  /** How often an idle relay looks for new rows (EVENTS_RELAY_POLL_MS); a full batch is followed at once. */
  pollMs: number;
  /** The longest pause after failures, which double from pollMs. */
  maxBackoffMs?: number;
  /** How long the leader's lease lasts unrenewed: a crashed leader's standby takes over after it. */
  leaseMs?: number;
}

export interface OutboxRelay {
  /** Undefined while publishing works (or another replica relays); else why the last attempt failed (readiness). */
  failure(): string | undefined;
  /** Looks for new rows now instead of at the next poll (a writer in this process just committed). */
  wake(): void;
  /** Finishes the batch in hand and stops. */
  close(): Promise<void>;
}

/**
 * Publishes a producing agency's outbox, oldest first, at least once: a batch is read, handed
 * to the transport, and marked published only after the transport acknowledged all of it. A
 * crash in between leaves the rows unpublished, so they go out again after a restart; the
 * stream's de-duplication and the consumer's inbox make that harmless. One replica relays at a
 * time (RelayLease); the others stand by.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const metrics = options.metrics ?? UNOBSERVED_EVENTS;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  let stopped = false;
  let failure: string | undefined;
  let failures = 0;
  let sleeping: { timer: NodeJS.Timeout; resolve: () => void } | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      sleeping = { timer: setTimeout(resolve, ms), resolve };
    }).finally(() => {
      sleeping = undefined;
    });
  const wake = () => {
    if (!sleeping) return;
    clearTimeout(sleeping.timer);
    sleeping.resolve();
  };

  const lease = new RelayLease(options.source, options.leaseMs ?? 10_000);
  // The lease is renewed in the same transaction as the read it guards; none spans a publish.
  const inTransaction = <T>(run: (manager: EntityManager) => Promise<T>) => options.dataSource.transaction(run);

  /** One batch: how many events went out; undefined while another replica relays. */
  const relayBatch = async (): Promise<number | undefined> => {
    try {
      const events = await inTransaction(async (manager) =>
        (await lease.hold(manager)) ? readUnpublishedEvents(manager, options.source, options.batchSize) : undefined,
      );
      if (!events?.length) return events?.length;
      await options.publisher.publish(events).catch((error: unknown) => {
        throw new PublishFailed(error);
      });
      await inTransaction((manager) => markPublished(manager, events));
      return events.length;
    } catch (error) {
      // The renewal may have rolled back with the transaction: ask the database again next time.
      if (!(error instanceof PublishFailed)) lease.forget();
      throw error instanceof PublishFailed ? error.cause : error;
    }
  };

  const loop = async () => {
    while (!stopped) {
      let published: number | undefined = 0;
      try {
        published = await relayBatch();
        if (published) metrics.published(published);
        if (failure) options.logger.info('event relay recovered', { transport: options.publisher.name });
        failure = undefined;
        failures = 0;
      } catch (error) {
        failures += 1;
        const reason = error instanceof Error ? error.message : String(error);
        if (failure === undefined || failures % 20 === 0) {
          options.logger.warn('event relay cannot publish; retrying', {
            transport: options.publisher.name,
            failures,
            ...describeError(error),
          });
        }
        failure = `${options.publisher.name}: ${reason}`;
      }
      if (stopped) break;
      if (failure) await sleep(Math.min(options.pollMs * 2 ** Math.min(failures, 16), maxBackoffMs));
      // A standby looks for an expired lease less often than a leader for new rows.
      else if (published === undefined) await sleep(Math.max(options.pollMs * 10, 1_000));
      else if (published < options.batchSize) await sleep(options.pollMs);
    }
    await inTransaction((manager) => lease.release(manager)).catch(() => {
      // Unreachable database: the lease expires by itself.
    });
  };
  const running = loop();

  return {
    failure: () => failure,
    wake,
    async close() {
      stopped = true;
      wake();
      await running;
    },
  };
}
