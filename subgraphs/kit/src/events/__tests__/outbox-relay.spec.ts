import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { eventually } from '../../testing/eventually';
import { recordingLogger } from '../../testing/recording-logger';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { appendToOutbox } from '../append-to-outbox';
import type { EventPublisher } from '../event-transport';
import type { OutboxEvent } from '../outbox-event';
import { outboxMigrations } from '../outbox.migration';
import { startOutboxRelay, type OutboxRelay } from '../relay/outbox-relay';

/** A transport that keeps what it was given, and refuses while `down`. */
function recordingPublisher() {
  const batches: OutboxEvent[][] = [];
  const state = { down: false };
  const publisher: EventPublisher = {
    name: 'recording',
    async publish(events) {
      if (state.down) throw new Error('transport down');
      batches.push([...events]);
    },
    async close() {},
  };
  return { publisher, batches, state };
}

describe.each(TEST_ENGINES)('the outbox relay on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const relays: OutboxRelay[] = [];

  const unpublished = async () =>
    Number(
      (
        (await database.dataSource.transaction((manager) =>
          manager.query('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL'),
        )) as { n: string }[]
      )[0]!.n,
    );
  const write = (count: number, key: string) =>
    database.dataSource.transaction((manager) =>
      appendToOutbox(
        manager,
        'workforce',
        Array.from({ length: count }, (_, index) => ({ type: 'Noted', orderingKey: key, payload: { index } })),
      ),
    );
  const start = (publisher: EventPublisher, leaseMs?: number) => {
    const relay = startOutboxRelay({
      source: 'workforce',
      dataSource: database.dataSource,
      publisher,
      logger: recordingLogger().logger,
      batchSize: 40,
      pollMs: 20,
      leaseMs,
    });
    relays.push(relay);
    return relay;
  };

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, `outbox-relay-${engine}`, outboxMigrations));
  });
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
    await dispose?.();
  });

  it('with two replicas, publishes every event exactly once, oldest first, in batches', async () => {
    const first = recordingPublisher();
    const second = recordingPublisher();
    const a = start(first.publisher);
    const b = start(second.publisher);
    const written = [...(await write(150, 'nik:1')), ...(await write(50, 'nik:2'))];
    expect(await eventually(unpublished, (n) => n === 0)).toBe(0);
    const published = [...first.batches, ...second.batches].flat();
    expect(published.map((event) => event.id).sort()).toEqual(written.map((event) => event.id).sort());
    // One replica led; the other stood by and published nothing.
    expect([first.batches.length, second.batches.length].filter((count) => count > 0)).toHaveLength(1);
    const leader = first.batches.length > 0 ? first : second;
    expect(leader.batches.every((batch) => batch.length <= 40)).toBe(true);
    expect(leader.batches.flat().map((event) => event.position)).toEqual(
      [...written.map((event) => event.position)].sort((x, y) => x - y),
    );

    // The leader stops: the standby takes over.
    const standby = leader === first ? second : first;
    await (leader === first ? a : b).close();
    const later = await write(10, 'nik:3');
    expect(await eventually(unpublished, (n) => n === 0)).toBe(0);
    expect(standby.batches.flat().map((event) => event.id)).toEqual(later.map((event) => event.id));
  });

  it("lets a standby take over once a stuck leader's lease expires", async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    let unstick = () => {};
    const stuck: EventPublisher = {
      name: 'stuck',
      publish: () => new Promise<void>((resolve) => (unstick = resolve)),
      async close() {},
    };
    const standby = recordingPublisher();
    start(stuck, 300);
    // The stuck relay leads first: its lease is taken before the standby starts looking.
    await eventually(
      () => database.dataSource.transaction((manager) => manager.query('SELECT holder FROM outbox_relay_lease')),
      (rows) => (rows as unknown[]).length === 1,
    );
    start(standby.publisher, 300);
    const written = await write(3, 'nik:5');
    expect(await eventually(unpublished, (n) => n === 0, 15_000)).toBe(0);
    expect(standby.batches.flat().map((event) => event.id)).toEqual(written.map((event) => event.id));
    unstick();
  });

  it('keeps events unpublished while the transport refuses them, says why, and recovers', async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    const transport = recordingPublisher();
    transport.state.down = true;
    const relay = start(transport.publisher);
    await write(5, 'nik:4');
    expect(
      await eventually(
        async () => relay.failure(),
        (failure) => failure !== undefined,
      ),
    ).toBe('recording: transport down');
    expect(await unpublished()).toBe(5);
    transport.state.down = false;
    expect(await eventually(unpublished, (n) => n === 0, 30_000)).toBe(0);
    expect(relay.failure()).toBeUndefined();
    expect(transport.batches.flat()).toHaveLength(5);
  });
});
