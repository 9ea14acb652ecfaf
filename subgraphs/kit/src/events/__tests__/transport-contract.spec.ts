import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { CreateEventFixture1766000000900 } from '../../testing/event-fixture';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { TEST_NAMESPACE } from '../../testing/test-namespace';
import { appendToOutbox } from '../append-to-outbox';
import { CreateInbox1766000000040 } from '../inbox/inbox.migration';
import { DELIVERIES_EXHAUSTED } from '../inbox/apply-delivery';
import type { OutboxEventDraft } from '../outbox-event';
import { outboxMigrations } from '../outbox.migration';
import { eventually } from '../../testing/eventually';
import { startTransportRig, TRANSPORTS, type TransportRig } from './transport-harness';

const CASES = TRANSPORTS.flatMap((transport) => TEST_ENGINES.map((engine) => [transport, engine] as const));

describe.each(CASES)('the %s transport on %s', (transport, engine) => {
  const producer = `p${TEST_NAMESPACE}-${transport}-${engine}`;
  let database: Database;
  let dispose: () => Promise<void>;
  let rig: TransportRig;

  const write = (drafts: OutboxEventDraft[]) =>
    database.dataSource.transaction((manager) => appendToOutbox(manager, producer, drafts));
  // In a transaction each: see relay/outbox-relay.ts for why, on PGlite.
  const query = (sql: string, parameters: unknown[] = []) =>
    database.dataSource.transaction((manager) => manager.query(sql, parameters));
  const notesOf = async (orderingKey: string) =>
    (
      (await query('SELECT key_seq, note FROM fixture_note WHERE ordering_key = $1 ORDER BY serial', [
        orderingKey,
      ])) as { key_seq: string; note: string }[]
    ).map((row) => [Number(row.key_seq), row.note]);
  const countOf = async (sql: string, parameters: unknown[] = []) =>
    Number(((await query(sql, parameters)) as { n: string }[])[0]!.n);
  const key = () => `nik:${randomUUID()}`;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, `events-${transport}-${engine}`, [
      ...outboxMigrations,
      CreateInbox1766000000040,
      CreateEventFixture1766000000900,
    ]));
    rig = await startTransportRig(transport, database, { producer, consumer: `c${TEST_NAMESPACE}` });
  });
  afterAll(async () => {
    await rig?.stop();
    await dispose?.();
  });

  it('delivers every committed event once and marks it published only after the transport took it', async () => {
    const [a, b] = [key(), key()];
    const events = await write([
      { type: 'Noted', orderingKey: a, payload: { note: 'a1' } },
      { type: 'Noted', orderingKey: b, payload: { note: 'b1' } },
      { type: 'Noted', orderingKey: a, payload: { note: 'a2' } },
    ]);
    expect(
      await eventually(
        () => notesOf(a),
        (notes) => notes.length === 2,
      ),
    ).toEqual([
      [1, 'a1'],
      [2, 'a2'],
    ]);
    expect(
      await eventually(
        () => notesOf(b),
        (notes) => notes.length === 1,
      ),
    ).toEqual([[1, 'b1']]);
    const ids = events.map((event) => event.id);
    expect(await countOf('SELECT count(*) AS n FROM inbox_event WHERE id = ANY($1)', [ids])).toBe(3);
    expect(
      await eventually(
        () => countOf('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL AND id = ANY($1)', [ids]),
        (n) => n === 0,
      ),
    ).toBe(0);
  });

  it('delivers again after a handler error, and the failed attempts leave nothing behind', async () => {
    const k = key();
    const [flaky] = await write([{ type: 'Flaky', orderingKey: k, payload: { note: 'third time', failures: 2 } }]);
    expect(
      await eventually(
        () => notesOf(k),
        (notes) => notes.length > 0,
      ),
    ).toEqual([[1, 'third time']]);
    expect(rig.outcomes.filter((o) => o.id === flaky!.id).map((o) => [o.outcome, o.attempt])).toEqual([
      ['failed', 1],
      ['failed', 2],
      ['applied', 3],
    ]);
  });

  it('applies a duplicate delivery once (the relay lost its "published" mark after publishing)', async () => {
    const k = key();
    const [event] = await write([{ type: 'Noted', orderingKey: k, payload: { note: 'once' } }]);
    await eventually(
      () => notesOf(k),
      (notes) => notes.length === 1,
    );
    await eventually(
      () => countOf('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL AND id = $1', [event!.id]),
      (n) => n === 0,
    );
    // As after a crash between the transport's acknowledgement and the commit of the mark.
    await query('UPDATE outbox_event SET published_at = NULL WHERE id = $1', [event!.id]);
    rig.relay.wake();
    await eventually(
      () => countOf('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL AND id = $1', [event!.id]),
      (n) => n === 0,
    );
    await rig.consumer.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await notesOf(k)).toEqual([[1, 'once']]);
    expect(await countOf('SELECT count(*) AS n FROM inbox_event WHERE id = $1', [event!.id])).toBe(1);
  });

  it('holds a later keySeq until the earlier one is applied, and ignores a stale one', async () => {
    const k = key();
    // Written out of order: the relay publishes key_seq 2 (older position) before key_seq 1.
    const [second, first] = [randomUUID(), randomUUID()];
    await database.dataSource.transaction(async (manager) => {
      const insert = 'INSERT INTO outbox_event (id, type, ordering_key, key_seq, payload) VALUES ($1, $2, $3, $4, $5)';
      await manager.query(insert, [second, 'Noted', k, 2, JSON.stringify({ note: 'second' })]);
      await manager.query(insert, [first, 'Noted', k, 1, JSON.stringify({ note: 'first' })]);
    });
    expect(
      await eventually(
        () => notesOf(k),
        (notes) => notes.length === 2,
      ),
    ).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    // The first again, after the second: stale, ignored.
    await query('UPDATE outbox_event SET published_at = NULL WHERE id = $1', [first]);
    rig.relay.wake();
    await eventually(
      () => countOf('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL AND id = $1', [first]),
      (n) => n === 0,
    );
    await rig.consumer.idle();
    expect(await notesOf(k)).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });

  it('parks a poison event with its reason, and its key and the other keys flow on', async () => {
    const [poisoned, other] = [key(), key()];
    const [poison] = await write([
      { type: 'Refused', orderingKey: poisoned, payload: { note: 'never' } },
      { type: 'Noted', orderingKey: poisoned, payload: { note: 'after the poison' } },
      { type: 'Noted', orderingKey: other, payload: { note: 'unaffected' } },
    ]);
    expect(
      await eventually(
        () => notesOf(poisoned),
        (notes) => notes.length === 1,
      ),
    ).toEqual([[2, 'after the poison']]);
    expect(
      await eventually(
        () => notesOf(other),
        (notes) => notes.length === 1,
      ),
    ).toEqual([[1, 'unaffected']]);
    const parked = await query('SELECT type, code, message, attempts FROM inbox_parked_event WHERE id = $1', [
      poison!.id,
    ]);
    expect(parked).toEqual([
      { type: 'Refused', code: 'BAD_USER_INPUT', message: 'the fixture rule refuses this event', attempts: 1 },
    ]);
    expect(rig.outcomes.filter((o) => o.id === poison!.id).map((o) => o.outcome)).toEqual(['parked']);
  });

  it('parks an event whose handler fails on every delivery it is allowed', async () => {
    const k = key();
    const [broken] = await write([
      { type: 'Broken', orderingKey: k, payload: {} },
      { type: 'Noted', orderingKey: k, payload: { note: 'next' } },
    ]);
    expect(
      await eventually(
        () => notesOf(k),
        (notes) => notes.length === 1,
      ),
    ).toEqual([[2, 'next']]);
    const [parked] = await query('SELECT code, attempts FROM inbox_parked_event WHERE id = $1', [broken!.id]);
    expect(parked).toEqual({ code: DELIVERIES_EXHAUSTED, attempts: 3 });
  });
});
