import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { CreateEventFixture1766000000900, fixtureEventHandlers } from '../../testing/event-fixture';
import { recordingLogger } from '../../testing/recording-logger';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { createEventConsumer } from '../inbox/event-consumer';
import { CreateInbox1766000000040 } from '../inbox/inbox.migration';
import type { OutboxEvent } from '../outbox-event';
import { consumerConcurrency } from '../start-event-flow';

const eventOf = (type: string, orderingKey: string, keySeq: number): OutboxEvent => ({
  id: randomUUID(),
  source: 'producer',
  type,
  orderingKey,
  keySeq,
  position: keySeq,
  occurredAt: new Date().toISOString(),
  payload: { note: `${orderingKey}/${keySeq}` },
});

describe.each(TEST_ENGINES)('a consumer applying a burst of events in batches on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const sql = (text: string, parameters?: unknown[]) => database.dataSource.query(text, parameters);

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, `event-batches-${engine}`, [
      CreateInbox1766000000040,
      CreateEventFixture1766000000900,
    ]));
  }, 120_000);
  afterAll(() => dispose?.());

  it('applies 300 events of 100 keys in a few transactions, in key order, parking the refused in the batch', async () => {
    const consumer = createEventConsumer({
      dataSource: database.dataSource,
      handlers: { producer: fixtureEventHandlers() },
      logger: recordingLogger().logger,
      maxDeliveries: 3,
      concurrency: consumerConcurrency(database, { concurrency: 4 }),
    });
    const burst = [1, 2, 3].flatMap((keySeq) =>
      Array.from({ length: 100 }, (_, key) =>
        eventOf(key === 7 && keySeq === 2 ? 'Refused' : 'Noted', `k:${key}`, keySeq),
      ),
    );
    const outcomes = await Promise.all(burst.map((event) => consumer.receive({ event, attempt: 1 })));
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(299);
    expect(outcomes[107]).toBe('parked');

    const [{ transactions }] = await sql('SELECT count(DISTINCT recorded_at)::int AS transactions FROM inbox_event');
    // One per round of keys at most, however the rounds were cut: not one per event.
    expect(transactions).toBeLessThanOrEqual(12);
    const notes = (await sql('SELECT ordering_key, key_seq::int FROM fixture_note ORDER BY serial')) as {
      ordering_key: string;
      key_seq: number;
    }[];
    expect(notes).toHaveLength(299);
    const lastSeq = new Map<string, number>();
    for (const note of notes) {
      expect(note.key_seq).toBeGreaterThan(lastSeq.get(note.ordering_key) ?? 0);
      lastSeq.set(note.ordering_key, note.key_seq);
    }
    expect(await sql('SELECT ordering_key, key_seq::int, code FROM inbox_parked_event')).toEqual([
      { ordering_key: 'k:7', key_seq: 2, code: 'BAD_USER_INPUT' },
    ]);
    // Delivered again, all of it: nothing changes.
    const again = await Promise.all(burst.map((event) => consumer.receive({ event, attempt: 2 })));
    expect(new Set(again)).toEqual(new Set(['already-applied']));
    expect(await sql('SELECT count(*)::int AS n FROM fixture_note')).toEqual([{ n: 299 }]);
  });

  it('falls back to one event at a time when a batch fails, so only the failing event is delivered again', async () => {
    const consumer = createEventConsumer({
      dataSource: database.dataSource,
      handlers: { producer: fixtureEventHandlers() },
      logger: recordingLogger().logger,
      maxDeliveries: 2,
      concurrency: 1,
    });
    const broken = eventOf('Broken', 'b:0', 1);
    const fine = Array.from({ length: 20 }, (_, key) => eventOf('Noted', `f:${key}`, 1));
    const outcomes = await Promise.all([broken, ...fine].map((event) => consumer.receive({ event, attempt: 1 })));
    expect(outcomes[0]).toBe('failed');
    expect(outcomes.slice(1)).toEqual(fine.map(() => 'applied'));
    expect(await consumer.receive({ event: broken, attempt: 2 })).toBe('parked');
    expect(await sql(`SELECT code FROM inbox_parked_event WHERE ordering_key = 'b:0'`)).toEqual([
      { code: 'EVENT_DELIVERIES_EXHAUSTED' },
    ]);
  });
});
