import type { Logger } from '../../log';
import { PayloadTooLargeError, readBody } from '../../server/read-body';
import type { RouteHandler } from '../../server/route-handler';
import { sendJsonError } from '../../server/send-json-error';
import type { DeliveryOutcome } from '../inbox/delivery';
import type { EventConsumer } from '../inbox/event-consumer';
import type { EventsPushResult } from './events-push';
import { EVENTS_TOKEN_HEADER, InvalidEventsTokenError } from './events-token';
import { parseEventsPush } from './parse-events-push';

export interface EventsRouteOptions {
  /** Undefined for a service that consumes nothing: every event is acknowledged, nothing recorded. */
  consumer: EventConsumer | undefined;
  verify: (token: string | undefined, body: string) => Promise<string>;
  logger: Logger;
}

const PUSH_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * The consumer's end of the embedded transport: a producer's relay POSTs its events here,
 * signed with its events key; each is applied through the inbox and the answer names every
 * event's outcome, so the producer sends again exactly the ones not settled.
 */
export function eventsRoute(options: EventsRouteOptions): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'POST') {
      sendJsonError(response, 405, 'BAD_REQUEST', 'Events are pushed with POST', { allow: 'POST' });
      return;
    }
    let body: string;
    try {
      body = await readBody(request, PUSH_BODY_LIMIT_BYTES);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) throw error;
      sendJsonError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
      return;
    }
    let source: string;
    try {
      const header = request.headers[EVENTS_TOKEN_HEADER];
      source = await options.verify(typeof header === 'string' ? header : undefined, body);
    } catch (error) {
      if (!(error instanceof InvalidEventsTokenError)) throw error;
      options.logger.warn('events push refused: no valid events token', { reason: error.message });
      sendJsonError(response, 401, 'UNAUTHENTICATED', 'This route takes events only from a Jembatan producer');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      sendJsonError(response, 400, 'BAD_REQUEST', 'The body is not JSON');
      return;
    }
    const push = parseEventsPush(parsed, source);
    if (typeof push === 'string') {
      sendJsonError(response, 400, 'BAD_REQUEST', `Malformed events push: ${push}`);
      return;
    }
    // Events of a producer this agency has no handlers for are not its business: nothing recorded.
    const consumer = options.consumer?.sources.includes(source) ? options.consumer : undefined;
    // Each key's events in keySeq order, whatever order they came in.
    const ordered = [...push.deliveries].sort((a, b) => a.event.keySeq - b.event.keySeq);
    const outcomes = await Promise.all(
      ordered.map(async (delivery): Promise<[string, DeliveryOutcome]> => [
        delivery.event.id,
        consumer ? await consumer.receive(delivery) : 'ignored',
      ]),
    );
    const result: EventsPushResult = { outcomes: Object.fromEntries(outcomes) };
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify(result));
  };
}
