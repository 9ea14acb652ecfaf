import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { CreateEventFixture1766000000900, fixtureEventHandlers } from '../../testing/event-fixture';
import { recordingLogger } from '../../testing/recording-logger';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { appendToOutbox } from '../append-to-outbox';
import { INBOX_EVENTS_RETENTION, PUBLISHED_OUTBOX_RETENTION } from '../event-retention';
import { createEventConsumer } from '../inbox/event-consumer';
import { CreateInbox1766000000040 } from '../inbox/inbox.migration';
import { CreateOutbox1766000000010 } from '../outbox.migration';

describe.each(TEST_ENGINES)('event retention on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const sql = (text: string, parameters?: unknown[]) => database.dataSource.query(text, parameters);

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, `event-retention-${engine}`, [
      CreateOutbox1766000000010,
      CreateInbox1766000000040,
      CreateEventFixture1766000000900,
    ]));
  }, 120_000);
  afterAll(() => dispose?.());

  it("lets old published events go but each key's newest, so key_seq never starts again", async () => {
    const appended = await database.dataSource.transaction((manager) =>
      appendToOutbox(manager, 'producer', [
        { type: 'Noted', orderingKey: 'k:1', payload: {} },
        { type: 'Noted', orderingKey: 'k:1', payload: {} },
        { type: 'Noted', orderingKey: 'k:2', payload: {} },
      ]),
    );
    await sql(`UPDATE outbox_event SET published_at = now() - interval '31 days'`);
    await sql(PUBLISHED_OUTBOX_RETENTION.purgeSql);
    expect(await sql('SELECT ordering_key, key_seq::int FROM outbox_event ORDER BY 1, 2')).toEqual([
      { ordering_key: 'k:1', key_seq: 2 },
      { ordering_key: 'k:2', key_seq: 1 },
    ]);
    const [next] = await database.dataSource.transaction((manager) =>
      appendToOutbox(manager, 'producer', [{ type: 'Noted', orderingKey: 'k:1', payload: {} }]),
    );
    expect(next!.keySeq).toBe(3);
    // Unpublished rows and recent ones stay, whatever their age.
    await sql(`UPDATE outbox_event SET published_at = NULL, occurred_at = now() - interval '90 days'`);
    await sql(PUBLISHED_OUTBOX_RETENTION.purgeSql);
    expect(await sql('SELECT count(*)::int AS n FROM outbox_event')).toEqual([{ n: 3 }]);
    expect(appended).toHaveLength(3);
  });

  it('forgets old applied events, and a redelivery of one still changes nothing', async () => {
    const consumer = createEventConsumer({
      dataSource: database.dataSource,
      handlers: { producer: fixtureEventHandlers() },
      logger: recordingLogger().logger,
      maxDeliveries: 3,
      concurrency: 1,
    });
    const event = {
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      source: 'producer',
      type: 'Noted',
      orderingKey: 'r:1',
      keySeq: 1,
      position: 1,
      occurredAt: new Date().toISOString(),
      payload: { note: 'once' },
    };
    expect(await consumer.receive({ event, attempt: 1 })).toBe('applied');
    await sql(`UPDATE inbox_event SET recorded_at = now() - interval '31 days'`);
    await sql(INBOX_EVENTS_RETENTION.purgeSql);
    expect(await sql('SELECT count(*)::int AS n FROM inbox_event')).toEqual([{ n: 0 }]);
    expect(await consumer.receive({ event, attempt: 2 })).toBe('already-applied');
    expect(await sql(`SELECT count(*)::int AS n FROM fixture_note WHERE ordering_key = 'r:1'`)).toEqual([{ n: 1 }]);
  });
});
