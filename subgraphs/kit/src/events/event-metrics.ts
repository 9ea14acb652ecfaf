import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { registeredMetric } from '../observability/metrics/registered-metric';
import type { DeliveryOutcome } from './inbox/delivery';

/** What the event machinery of one agency reports in its `/metrics`. */
export interface EventMetrics {
  published(count: number): void;
  delivered(source: string, outcome: DeliveryOutcome, attempt: number, occurredAt: string): void;
}

/** Counts that only count, for code run without a registry (tests of one part). */
export const UNOBSERVED_EVENTS: EventMetrics = { published() {}, delivered() {} };

// Commit → applied: sub-second when the relay keeps up, minutes after an outage.
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

/**
 * The event machinery's series in a service's registry. Outbox depth and parked events are read
 * from the database at each scrape (one indexed count each), so every replica reports the
 * agency's true figure, not what it alone has seen.
 */
export function createEventMetrics(registry: Registry, dataSource: DataSource): EventMetrics {
  const countOf = (sql: string) => async () => {
    if (!dataSource.isInitialized) return 0;
    const [row] = (await dataSource.query(sql)) as { n: string | number }[];
    return Number(row?.n ?? 0);
  };
  const outboxDepth = countOf('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL');
  registeredMetric(
    registry,
    'jembatan_outbox_depth',
    () =>
      new Gauge({
        name: 'jembatan_outbox_depth',
        help: 'Events this agency committed that its relay has not yet handed to the transport',
        registers: [registry],
        async collect() {
          this.set(await outboxDepth().catch(() => 0));
        },
      }),
  );
  const published = registeredMetric(
    registry,
    'jembatan_events_published_total',
    () =>
      new Counter({
        name: 'jembatan_events_published_total',
        help: 'Outbox events the transport acknowledged',
        registers: [registry],
      }),
  );
  const lag = registeredMetric(
    registry,
    'jembatan_event_delivery_lag_seconds',
    () =>
      new Histogram({
        name: 'jembatan_event_delivery_lag_seconds',
        help: "Seconds from the producer's commit to this agency applying the event",
        labelNames: ['source'],
        buckets: LAG_BUCKETS,
        registers: [registry],
      }),
  );
  const deliveries = registeredMetric(
    registry,
    'jembatan_event_deliveries_total',
    () =>
      new Counter({
        name: 'jembatan_event_deliveries_total',
        help: 'Events delivered to this agency, by source and outcome (applied, ignored, already-applied, parked, held, failed)',
        labelNames: ['source', 'outcome'],
        registers: [registry],
      }),
  );
  const redeliveries = registeredMetric(
    registry,
    'jembatan_event_redeliveries_total',
    () =>
      new Counter({
        name: 'jembatan_event_redeliveries_total',
        help: 'Deliveries of an event this agency had already received (after a failure, a hold or a lost acknowledgement)',
        labelNames: ['source'],
        registers: [registry],
      }),
  );
  const parkedCount = countOf('SELECT count(*) AS n FROM inbox_parked_event');
  registeredMetric(
    registry,
    'jembatan_events_parked',
    () =>
      new Gauge({
        name: 'jembatan_events_parked',
        help: 'Events this agency parked (refused by a rule, or failing on every delivery): see the parkedEvents query',
        registers: [registry],
        async collect() {
          this.set(await parkedCount().catch(() => 0));
        },
      }),
  );
  return {
    published: (count) => published.inc(count),
    delivered(source, outcome, attempt, occurredAt) {
      deliveries.inc({ source, outcome });
      if (attempt > 1) redeliveries.inc({ source });
      if (outcome === 'applied' || outcome === 'ignored') {
        lag.observe({ source }, Math.max(0, (Date.now() - Date.parse(occurredAt)) / 1000));
      }
    },
  };
}
