import { MAX_EVENTS_PER_PUSH, type EventsPush } from './events-push';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isText = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** A push's body checked field by field; the problem found first, or the push. */
export function parseEventsPush(body: unknown, source: string): EventsPush | string {
  const deliveries = (body as { deliveries?: unknown } | null)?.deliveries;
  if (!Array.isArray(deliveries)) return 'deliveries must be a list';
  if (deliveries.length > MAX_EVENTS_PER_PUSH) return `at most ${MAX_EVENTS_PER_PUSH} events per push`;
  for (const [index, delivery] of deliveries.entries()) {
    const { event, attempt } = (delivery ?? {}) as { event?: Record<string, unknown>; attempt?: unknown };
    const at = `deliveries[${index}]`;
    if (!isCount(attempt)) return `${at}.attempt must be a positive integer`;
    if (!event || typeof event !== 'object') return `${at}.event is missing`;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) return `${at}.event.id must be a UUID`;
    if (event.source !== source) return `${at}.event.source must be the signing producer, ${source}`;
    if (!isText(event.type) || !isText(event.orderingKey)) return `${at}.event needs a type and an orderingKey`;
    if (!isCount(event.keySeq) || !isCount(event.position))
      return `${at}.event.keySeq and position must be positive integers`;
    if (typeof event.occurredAt !== 'string' || Number.isNaN(Date.parse(event.occurredAt))) {
      return `${at}.event.occurredAt must be an ISO 8601 time`;
    }
    if (!event.payload || typeof event.payload !== 'object' || Array.isArray(event.payload)) {
      return `${at}.event.payload must be an object`;
    }
  }
  return body as EventsPush;
}
