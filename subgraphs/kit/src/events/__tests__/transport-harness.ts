import { connect } from 'nats';
import type { Database } from '../../db/database';
import { generatePrivateJwk, publicJwkOf } from '../../access/key-files';
import { startHttpService } from '../../server/http-service';
import { recordingLogger } from '../../testing/recording-logger';
import { TEST_NATS_URL } from '../../testing/test-namespace';
import { fixtureEventHandlers } from '../../testing/event-fixture';
import { createEmbeddedPublisher } from '../embedded/embedded-publisher';
import { EVENTS_PATH } from '../embedded/events-push';
import { eventsRoute } from '../embedded/events-route';
import { createEventsTokenSigner, createEventsTokenVerifier } from '../embedded/events-token';
import type { DeliveryOutcome } from '../inbox/delivery';
import { createEventConsumer, type EventConsumer } from '../inbox/event-consumer';
import { createNatsTransport } from '../nats/nats-transport';
import { consumerConcurrency } from '../start-event-flow';
import { streamOf } from '../nats/nats-names';
import { startOutboxRelay, type OutboxRelay } from '../relay/outbox-relay';

export const TRANSPORTS = ['embedded', 'nats'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** A producer's relay and a consumer over one transport, on one scratch database (different tables). */
export interface TransportRig {
  consumer: EventConsumer;
  relay: OutboxRelay;
  /** Every outcome the consumer reported, in order. */
  outcomes: { id: string; outcome: DeliveryOutcome; attempt: number }[];
  stop(): Promise<void>;
}

export async function startTransportRig(
  transport: TransportName,
  database: Database,
  names: { producer: string; consumer: string },
): Promise<TransportRig> {
  const { logger } = recordingLogger();
  const outcomes: TransportRig['outcomes'] = [];
  const consumer = createEventConsumer({
    dataSource: database.dataSource,
    handlers: { [names.producer]: fixtureEventHandlers() },
    logger,
    maxDeliveries: 3,
    concurrency: consumerConcurrency(database, { concurrency: 4 }),
    metrics: { published() {}, delivered: () => {} },
  });
  const recordingConsumer: EventConsumer = {
    ...consumer,
    async receive(delivery) {
      const outcome = await consumer.receive(delivery);
      outcomes.push({ id: delivery.event.id, outcome, attempt: delivery.attempt });
      return outcome;
    },
  };
  const stops: (() => Promise<void>)[] = [];
  let publisher;
  if (transport === 'embedded') {
    const key = await generatePrivateJwk('EdDSA');
    const http = await startHttpService({
      host: '127.0.0.1',
      port: 0,
      graphqlPath: '/graphql',
      graphql: () => {},
      routes: {
        [EVENTS_PATH]: eventsRoute({
          consumer: recordingConsumer,
          verify: createEventsTokenVerifier(names.consumer, { keys: [publicJwkOf(key)] }),
          logger,
        }),
      },
      onError: () => {},
    });
    stops.push(() => http.close());
    publisher = createEmbeddedPublisher({
      source: names.producer,
      peers: { [names.consumer]: `http://127.0.0.1:${http.port}` },
      sign: await createEventsTokenSigner(key),
    });
  } else {
    const producing = createNatsTransport({ url: TEST_NATS_URL, service: names.producer, logger });
    const consuming = createNatsTransport({ url: TEST_NATS_URL, service: names.consumer, logger });
    const subscription = await consuming.subscribe(recordingConsumer);
    stops.push(async () => {
      await subscription.close();
      await consuming.close();
      await producing.close();
      const nats = await connect({ servers: TEST_NATS_URL });
      const manager = await nats.jetstreamManager();
      await manager.streams.delete(streamOf(names.producer)).catch(() => undefined);
      await nats.close();
    });
    publisher = producing.publisher()!;
  }
  const relay = startOutboxRelay({
    source: names.producer,
    dataSource: database.dataSource,
    publisher,
    logger,
    batchSize: 50,
    pollMs: 20,
  });
  return {
    consumer: recordingConsumer,
    relay,
    outcomes,
    async stop() {
      await relay.close();
      for (const stop of stops) await stop();
      await consumer.idle();
    },
  };
}
