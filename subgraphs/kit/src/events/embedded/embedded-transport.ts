import type { EventTransport } from '../event-transport';
import { createEmbeddedPublisher, type EmbeddedPublisherOptions } from './embedded-publisher';

/**
 * Events with no broker: the producer's relay pushes to each peer's events route (see
 * eventsRoute), so subscribing is serving that route, and the transport is reachable exactly
 * when the relay's pushes succeed (the relay's own readiness reports that).
 */
export function createEmbeddedTransport(options: EmbeddedPublisherOptions): EventTransport {
  const publisher = Object.keys(options.peers).some((peer) => peer !== options.source)
    ? createEmbeddedPublisher(options)
    : undefined;
  return {
    name: 'embedded',
    publisher: () => publisher,
    subscribe: async () => ({ close: async () => {} }),
    check: async () => {},
    close: async () => {},
  };
}
