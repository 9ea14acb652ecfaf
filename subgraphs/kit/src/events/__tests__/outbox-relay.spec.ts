import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { eventually } from '../../testing/eventually';
import { recordingLogger } from '../../testing/recording-logger';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { appendToOutbox } from '../append-to-outbox';
import type { EventPublisher } from '../event-transport';
import type { OutboxEvent } from '../outbox-event';
import { CreateOutbox1766000000010 } from '../outbox.migration';
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

// Replicas exist only on PostgreSQL: a PGlite data directory belongs to one process, and PGlite is
// one session, where an advisory lock cannot tell two relays apart.
const CASES = TEST_ENGINES.map((engine) => [engine, engine === 'postgres'] as const);

describe.each(CASES)('the outbox relay on %s', (engine, replicas) => {
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
  const start = (publisher: EventPublisher) => {
    const relay = startOutboxRelay({
      source: 'workforce',
      dataSource: database.dataSource,
      publisher,
      logger: recordingLogger().logger,
      batchSize: 40,
      pollMs: 20,
    });
    relays.push(relay);
    return relay;
  };

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, `outbox-relay-${engine}`, [CreateOutbox1766000000010]));
  });
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
    await dispose?.();
  });

  it(`${replicas ? 'with two replicas, publishes' : 'publishes'} every event exactly once, oldest first, in batches`, async () => {
    const first = recordingPublisher();
    const second = recordingPublisher();
    const a = start(first.publisher);
    const b = replicas ? start(second.publisher) : a;
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

    if (!replicas) return;
    // The leader stops: the standby takes over.
    const standby = leader === first ? second : first;
    await (leader === first ? a : b).close();
    const later = await write(10, 'nik:3');
    expect(await eventually(unpublished, (n) => n === 0)).toBe(0);
    expect(standby.batches.flat().map((event) => event.id)).toEqual(later.map((event) => event.id));
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
