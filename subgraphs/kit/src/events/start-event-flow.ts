import type { Registry } from 'prom-client';
import { loadPrivateKey, loadPublicKeys } from '../access/key-source';
import type { EventsConfig } from '../config/events-config';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import type { ReadinessCheck } from '../server/readiness-check';
import type { RouteHandler } from '../server/route-handler';
import { createEmbeddedTransport } from './embedded/embedded-transport';
import { EVENTS_PATH } from './embedded/events-push';
import { eventsRoute } from './embedded/events-route';
import { createEventsTokenSigner, createEventsTokenVerifier } from './embedded/events-token';
import type { EventHandlers } from './event-handler';
import { createEventMetrics, UNOBSERVED_EVENTS, type EventMetrics } from './event-metrics';
import type { EventSubscription, EventTransport } from './event-transport';
import { createEventConsumer, type EventConsumer } from './inbox/event-consumer';
import { createNatsTransport } from './nats/nats-transport';
import { startOutboxRelay, type OutboxRelay } from './relay/outbox-relay';

export interface EventFlowOptions {
  service: string;
  config: EventsConfig;
  database: Database;
  logger: Logger;
  /** The events this service consumes; none: it only produces. */
  handlers?: EventHandlers;
}

/** A service's event machinery: what its HTTP server serves and checks, and how it stops. */
export interface EventFlow {
  readonly transport: EventTransport['name'];
  readonly routes: Record<string, RouteHandler>;
  readonly readiness: ReadinessCheck[];
  /** Adds the event series to the service's metrics registry. */
  observe(registry: Registry): void;
  /** Starts relaying and consuming; called once the service's routes are served. */
  start(): Promise<void>;
  readonly relay: OutboxRelay | undefined;
  readonly consumer: EventConsumer | undefined;
  /** Stops consuming, then relaying (each finishes what it has in hand), then the transport. */
  close(): Promise<void>;
}

/** PGlite runs one transaction at a time: more batches at once would only queue for its session. */
export const consumerConcurrency = (database: Pick<Database, 'engine'>, config: Pick<EventsConfig, 'concurrency'>) =>
  database.engine === 'pglite' ? 1 : config.concurrency;

async function transportFor(options: EventFlowOptions): Promise<EventTransport> {
  const { config, service } = options;
  if (config.transport === 'nats') {
    return createNatsTransport({ url: config.natsUrl!, service, logger: options.logger });
  }
  return createEmbeddedTransport({
    source: service,
    peers: config.peers,
    sign: await createEventsTokenSigner(await loadPrivateKey(config.signingKey)),
  });
}

/**
 * Builds the event flow of one agency service from its configuration: the relay of its outbox
 * (every service has one) over the configured transport, and a consumer when it has handlers.
 */
export async function createEventFlow(options: EventFlowOptions): Promise<EventFlow> {
  const { config, database, logger } = options;
  let metrics: EventMetrics = UNOBSERVED_EVENTS;
  const lateMetrics: EventMetrics = {
    published: (count) => metrics.published(count),
    delivered: (...args) => metrics.delivered(...args),
  };
  const transport = await transportFor(options);
  const handlers = options.handlers ?? {};
  const consumer =
    Object.keys(handlers).length > 0
      ? createEventConsumer({
          dataSource: database.dataSource,
          handlers,
          logger,
          metrics: lateMetrics,
          maxDeliveries: config.maxDeliveries,
          concurrency: consumerConcurrency(database, config),
        })
      : undefined;
  const routes: Record<string, RouteHandler> =
    transport.name === 'embedded'
      ? {
          [EVENTS_PATH]: eventsRoute({
            consumer,
            verify: createEventsTokenVerifier(options.service, await loadPublicKeys(config.publicKeys)),
            logger,
          }),
        }
      : {};
  let relay: OutboxRelay | undefined;
  let subscription: EventSubscription | undefined;

  return {
    transport: transport.name,
    routes,
    readiness: [
      {
        name: `events:${transport.name}`,
        async run(signal) {
          const failure = relay?.failure();
          if (failure) throw new Error(`the event relay cannot publish: ${failure}`);
          await transport.check(signal);
        },
      },
    ],
    observe(registry) {
      metrics = createEventMetrics(registry, database.dataSource);
    },
    get relay() {
      return relay;
    },
    consumer,
    async start() {
      const publisher = transport.publisher();
      const [row] = (await database.dataSource.query("SELECT to_regclass('outbox_event') IS NOT NULL AS outbox")) as {
        outbox: boolean;
      }[];
      if (!row?.outbox) {
        logger.info('no outbox table: this service publishes no events');
      } else if (publisher) {
        relay = startOutboxRelay({
          source: options.service,
          dataSource: database.dataSource,
          publisher,
          logger,
          metrics: lateMetrics,
          batchSize: config.relayBatch,
          pollMs: config.relayPollMs,
        });
      } else {
        logger.warn('no event consumers configured (EVENTS_PEERS): events stay in the outbox until one is', {
          transport: transport.name,
        });
      }
      if (consumer) subscription = await transport.subscribe(consumer);
      logger.info(
        transport.name === 'nats'
          ? `events through NATS JetStream at ${config.natsUrl}`
          : `events through the embedded transport (NATS_URL not set): pushed over HTTP to ${
              Object.keys(config.peers)
                .filter((peer) => peer !== options.service)
                .join(', ') || 'no one'
            }`,
        { transport: transport.name, relay: Boolean(relay), consumes: consumer?.sources ?? [] },
      );
    },
    async close() {
      await subscription?.close();
      await consumer?.idle();
      await relay?.close();
      await transport.close();
    },
  };
}
