import {
  AckPolicy,
  connect,
  DeliverPolicy,
  JSONCodec,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import { describeError, type Logger } from '../../log';
import type { EventPublisher, EventSubscription, EventTransport } from '../event-transport';
import { isSettled, redeliveryDelayMs } from '../inbox/delivery';
import type { EventConsumer } from '../inbox/event-consumer';
import type { OutboxEvent } from '../outbox-event';
import { durableOf, streamOf, subjectOf, subjectsOf } from './nats-names';

export interface NatsTransportOptions {
  url: string;
  /** This service: the stream it publishes to, the durable consumer it reads with. */
  service: string;
  logger: Logger;
  /** How long a redelivered duplicate (same event id) is still dropped by the stream itself. */
  duplicateWindowMs?: number;
  /** Events a consumer may hold unacknowledged at once. */
  maxAckPending?: number;
  /** How long a delivered event may stay unacknowledged before the server delivers it again. */
  ackWaitMs?: number;
}

const codec = JSONCodec<OutboxEvent>();

async function ensureStream(manager: JetStreamManager, source: string, duplicateWindowMs: number) {
  const config = {
    name: streamOf(source),
    subjects: [subjectsOf(source)],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: nanos(duplicateWindowMs),
  };
  try {
    await manager.streams.info(config.name);
    await manager.streams.update(config.name, config);
  } catch (error) {
    if (!/not found/i.test((error as Error).message)) throw error;
    await manager.streams.add(config);
  }
}

async function ensureConsumer(
  manager: JetStreamManager,
  source: string,
  consumer: string,
  options: NatsTransportOptions,
) {
  const stream = streamOf(source);
  const config = {
    durable_name: durableOf(consumer),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(options.ackWaitMs ?? 30_000),
    // The consumer parks an event after EVENTS_MAX_DELIVERIES failures itself (with the reason);
    // a held event (waiting for its key's previous one) must never run out of deliveries.
    max_deliver: -1,
    max_ack_pending: options.maxAckPending ?? 1_000,
  };
  try {
    await manager.consumers.info(stream, config.durable_name);
    await manager.consumers.update(stream, config.durable_name, config);
  } catch (error) {
    if (!/not found/i.test((error as Error).message)) throw error;
    await manager.consumers.add(stream, config);
  }
}

/**
 * Events through NATS JetStream: a durable file-backed stream per producing agency, each event
 * published with its id as the message id (the stream drops a duplicate within its window), and
 * a durable pull consumer per consuming agency with explicit acknowledgement. An unsettled event
 * is negatively acknowledged with a growing delay, so the server delivers it again.
 */
export function createNatsTransport(options: NatsTransportOptions): EventTransport {
  // Connected in the background: a service starts (and its writes commit) while the broker is
  // down; the relay's publishes fail, and readiness says why, until it is back.
  const connecting = connect({
    servers: options.url,
    name: `jembatan-${options.service}`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    waitOnFirstConnect: true,
  });
  let connection: NatsConnection | undefined;
  let connectFailure: string | undefined;
  connecting.then(
    (connected) => (connection = connected),
    (error: unknown) => (connectFailure = error instanceof Error ? error.message : String(error)),
  );
  const connected = (): NatsConnection => {
    if (connection && !connection.isClosed()) return connection;
    throw new Error(`NATS unreachable at ${options.url}${connectFailure ? `: ${connectFailure}` : ''}`);
  };
  const duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
  let streamReady: Promise<void> | undefined;
  const ensureOwnStream = async () => {
    const manager = await connected().jetstreamManager();
    await (streamReady ??= ensureStream(manager, options.service, duplicateWindowMs).catch((error: unknown) => {
      streamReady = undefined;
      throw error;
    }));
  };
  const subscriptions: EventSubscription[] = [];
  let closed = false;
  let markClosed: () => void = () => {};
  const whenClosed = new Promise<undefined>((resolve) => (markClosed = () => resolve(undefined)));

  const publisher: EventPublisher = {
    name: 'nats',
    async publish(events) {
      await ensureOwnStream().catch((error: unknown) => {
        throw new Error(`NATS at ${options.url}: ${(error as Error).message}`, { cause: error });
      });
      const jetstream = connected().jetstream();
      await Promise.all(
        events.map((event) =>
          jetstream.publish(subjectOf(event.source, event.type), codec.encode(event), {
            msgID: event.id,
            expect: { streamName: streamOf(event.source) },
          }),
        ),
      ).catch((error: unknown) => {
        throw new Error(`NATS at ${options.url} did not store the events: ${(error as Error).message}`, {
          cause: error,
        });
      });
    },
    async close() {},
  };

  const subscribeWhenConnected = async (consumer: EventConsumer) => {
    const nats = await Promise.race([connecting, whenClosed]);
    if (!nats) return;
    const manager = await nats.jetstreamManager();
    for (const source of consumer.sources) {
      // The producer may not have started yet: whichever comes first creates the stream.
      await ensureStream(manager, source, duplicateWindowMs);
      await ensureConsumer(manager, source, options.service, options);
      if (closed) return;
      subscriptions.push(await consumeStream(nats.jetstream(), source, options, consumer));
    }
  };

  return {
    name: 'nats',
    publisher: () => publisher,
    async subscribe(consumer) {
      const subscribing = (async () => {
        for (let attempt = 1; !closed; attempt += 1) {
          try {
            return await subscribeWhenConnected(consumer);
          } catch (error) {
            options.logger.warn('cannot subscribe to NATS yet; retrying', { attempt, ...describeError(error) });
            await Promise.race([
              new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5_000))),
              whenClosed,
            ]);
          }
        }
      })();
      return {
        async close() {
          closed = true;
          markClosed();
          await subscribing;
          await Promise.all(subscriptions.map((subscription) => subscription.close()));
        },
      };
    },
    async check() {
      const nats = connected();
      try {
        await nats.rtt();
      } catch (error) {
        throw new Error(`NATS unreachable at ${options.url}: ${(error as Error).message}`, { cause: error });
      }
    },
    async close() {
      closed = true;
      markClosed();
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      const nats = connection ?? (await Promise.race([connecting, Promise.resolve(undefined)]).catch(() => undefined));
      if (nats) await nats.drain().catch(() => nats.close());
      else void connecting.then((late) => late.close()).catch(() => undefined);
    },
  };
}

async function consumeStream(
  jetstream: ReturnType<NatsConnection['jetstream']>,
  source: string,
  options: NatsTransportOptions,
  consumer: EventConsumer,
): Promise<EventSubscription> {
  const subscription = await jetstream.consumers.get(streamOf(source), durableOf(options.service));
  const messages = await subscription.consume({ max_messages: 256 });
  const handle = async (message: JsMsg) => {
    let event: OutboxEvent;
    try {
      event = codec.decode(message.data);
    } catch (error) {
      // Not ours to apply, and it can never become valid: the stream keeps it for inspection.
      options.logger.error('undecodable event message terminated', {
        subject: message.subject,
        ...describeError(error),
      });
      message.term('undecodable');
      return;
    }
    const attempt = message.info.deliveryCount;
    const outcome = await consumer.receive({ event, attempt });
    if (isSettled(outcome)) message.ack();
    else message.nak(redeliveryDelayMs(outcome, attempt));
  };
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    for await (const message of messages) {
      const handled = handle(message).catch((error: unknown) => {
        options.logger.error('event delivery failed', describeError(error));
        message.nak(1_000);
      });
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled));
    }
  })();
  return {
    async close() {
      await messages.close();
      await loop.catch(() => undefined);
      await Promise.all(inFlight);
    },
  };
}
