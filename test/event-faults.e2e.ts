import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually as waitFor, testDataFolder } from '@jembatan/kit/testing';
import { freePort } from './harness/free-port';
import { startEventFixture, startPrivateNats, type EventFixtureService } from './harness/event-fixture-service';
import type { FixtureProcess } from './harness/fixture-process';

/**
 * The event machinery's faults, as processes: a fixture producer and consumer built from the
 * kit (test/fixtures/event-service.ts) on their own embedded databases, killed and restarted.
 */
const started: FixtureProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(started.map((process) => process.kill('SIGKILL')));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const eventually = <T>(read: () => Promise<T>, done: (value: T) => boolean) => waitFor(read, done, 60_000, 200);

const track = <T extends FixtureProcess>(process: T): T => {
  started.push(process);
  return process;
};

/** Three events per worker key, written as three separate commits each. */
async function writeInTurns(producer: EventFixtureService, keys: string[]): Promise<void> {
  for (let turn = 1; turn <= 3; turn += 1) {
    for (const key of keys)
      await producer.write([{ type: 'Noted', orderingKey: key, payload: { note: `${key}#${turn}` } }]);
  }
}

const perKey = (notes: { key: string; keySeq: number }[]) => {
  const byKey: Record<string, number[]> = {};
  for (const note of notes) (byKey[note.key] ??= []).push(note.keySeq);
  return byKey;
};

describe('events between two agency processes, embedded transport', () => {
  it('a producer killed between commit and publish still delivers after its restart; a consumer that was down catches up in order per key; poison is parked and the rest flows', async () => {
    const dataDir = testDataFolder('event-faults-embedded');
    folders.push(dataDir);
    const [producerPort, consumerPort] = [await freePort(), await freePort()];
    const producerEnv = {
      FIXTURE_NAME: 'producer',
      DATA_DIR: dataDir,
      EVENTS_PEERS: `consumer=http://127.0.0.1:${consumerPort}`,
    };
    const consumerEnv = { FIXTURE_NAME: 'consumer', FIXTURE_CONSUMES: 'producer', DATA_DIR: dataDir };

    // The consumer is down: the writes commit, the outbox grows, readiness says why.
    let producer = track(await startEventFixture(producerEnv, producerPort));
    await writeInTurns(producer, ['nik:1', 'nik:2', 'nik:3']);
    expect(await producer.metric('jembatan_outbox_depth')).toBe(9);
    const notReady = await eventually(producer.ready, (ready) => ready.status === 503);
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks['events:embedded']?.reason).toMatch(/consumer unreachable/);

    // Killed before any of it was published; the consumer comes up, then the producer again.
    await producer.kill('SIGKILL');
    const consumer = track(await startEventFixture(consumerEnv, consumerPort));
    producer = track(await startEventFixture(producerEnv, producerPort));
    const notes = await eventually(consumer.notes, (rows) => rows.length === 9);
    expect(perKey(notes)).toEqual({ 'nik:1': [1, 2, 3], 'nik:2': [1, 2, 3], 'nik:3': [1, 2, 3] });
    expect(
      await eventually(
        () => producer.metric('jembatan_outbox_depth'),
        (depth) => depth === 0,
      ),
    ).toBe(0);
    expect((await eventually(producer.ready, (ready) => ready.status === 200)).status).toBe(200);

    // A rule refuses one event: parked with its reason, the key's next event and other keys flow.
    const [poison] = await producer.write([
      { type: 'Refused', orderingKey: 'nik:1', payload: {} },
      { type: 'Noted', orderingKey: 'nik:1', payload: { note: 'after the poison' } },
      { type: 'Noted', orderingKey: 'nik:4', payload: { note: 'other key' } },
    ]);
    const after = await eventually(consumer.notes, (rows) => rows.length === 11);
    expect(
      after
        .slice(9)
        .map((note) => [note.key, note.keySeq, note.note])
        .sort(),
    ).toEqual([
      ['nik:1', 5, 'after the poison'],
      ['nik:4', 1, 'other key'],
    ]);
    expect(await consumer.parked()).toMatchObject([
      { id: poison, code: 'BAD_USER_INPUT', reason: 'the fixture rule refuses this event', attempts: 1 },
    ]);
    expect(await consumer.metric('jembatan_events_parked')).toBe(1);
    expect(await consumer.metric('jembatan_event_delivery_lag_seconds_count')).toBe(11);
  }, 300_000);
});

describe('events between two agency processes, NATS JetStream', () => {
  it('with the broker down writes still commit and the outbox grows; it drains when the broker is back', async () => {
    const dataDir = testDataFolder('event-faults-nats');
    folders.push(dataDir);
    const store = join(dataDir, 'nats-store');
    const nats = track(await startPrivateNats(store));
    const env = { DATA_DIR: dataDir, NATS_URL: nats.url };
    const producer = track(await startEventFixture({ ...env, FIXTURE_NAME: 'producer' }, await freePort()));
    const consumer = track(
      await startEventFixture({ ...env, FIXTURE_NAME: 'consumer', FIXTURE_CONSUMES: 'producer' }, await freePort()),
    );
    await producer.write([{ type: 'Noted', orderingKey: 'nik:1', payload: { note: 'before' } }]);
    expect(await eventually(consumer.notes, (rows) => rows.length === 1)).toHaveLength(1);

    await nats.kill('SIGKILL');
    for (let turn = 0; turn < 3; turn += 1) {
      await producer.write([{ type: 'Noted', orderingKey: 'nik:1', payload: { note: `during ${turn}` } }]);
    }
    expect(
      await eventually(
        () => producer.metric('jembatan_outbox_depth'),
        (depth) => depth === 3,
      ),
    ).toBe(3);
    const notReady = await eventually(producer.ready, (ready) => ready.status === 503);
    expect(notReady.body.checks['events:nats']?.reason).toMatch(/NATS (unreachable )?at nats:\/\/127\.0\.0\.1:\d+/);

    track(await startPrivateNats(store, nats.port));
    const notes = await eventually(consumer.notes, (rows) => rows.length === 4);
    expect(notes.map((note) => [note.keySeq, note.note])).toEqual([
      [1, 'before'],
      [2, 'during 0'],
      [3, 'during 1'],
      [4, 'during 2'],
    ]);
    expect(
      await eventually(
        () => producer.metric('jembatan_outbox_depth'),
        (depth) => depth === 0,
      ),
    ).toBe(0);
    expect((await eventually(producer.ready, (ready) => ready.status === 200)).status).toBe(200);
  }, 300_000);
});
