import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { appendToOutbox } from '../append-to-outbox';
import { CreateOutbox1766000000010 } from '../outbox.migration';

const worker = (nik: string) => `nik:${nik}`;

describe.each(TEST_ENGINES)('appendToOutbox on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, `outbox-${engine}`, [CreateOutbox1766000000010]));
  });
  afterAll(() => dispose());

  it('numbers each ordering key 1, 2, 3… across transactions and within one batch', async () => {
    const first = await database.dataSource.transaction((manager) =>
      appendToOutbox(manager, 'workforce', [
        { type: 'WorkerRegistered', orderingKey: worker('3174015203850001'), payload: { unitCode: 'DINKES' } },
        { type: 'WorkerRegistered', orderingKey: worker('3171024511900002'), payload: { unitCode: 'DISHUB' } },
        { type: 'WorkerTransferred', orderingKey: worker('3174015203850001'), payload: { toUnitCode: 'DISHUB' } },
      ]),
    );
    expect(first.map((event) => [event.type, event.keySeq])).toEqual([
      ['WorkerRegistered', 1],
      ['WorkerRegistered', 1],
      ['WorkerTransferred', 2],
    ]);
    expect(first[0]!.position).toBeLessThan(first[2]!.position);
    expect(first.every((event) => event.source === 'workforce' && /^[0-9a-f-]{36}$/.test(event.id))).toBe(true);

    const [ended] = await database.dataSource.transaction((manager) =>
      appendToOutbox(manager, 'workforce', [
        { type: 'ContractEnded', orderingKey: worker('3174015203850001'), payload: { contractEnd: '2016-12-31' } },
      ]),
    );
    expect(ended!.keySeq).toBe(3);
  });

  it('writes nothing when the transaction that made the change rolls back', async () => {
    const before = await database.dataSource.query('SELECT count(*)::int AS n FROM outbox_event');
    await expect(
      database.dataSource.transaction(async (manager) => {
        await appendToOutbox(manager, 'workforce', [
          { type: 'WageCorrected', orderingKey: worker('3171024511900002'), payload: { monthlyWage: '3100000' } },
        ]);
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM outbox_event')).toEqual(before);
  });

  it('keeps the payload as JSON, quotes and commas included', async () => {
    const payload = { name: 'Siti "Nur", Aisyah', programs: [{ program: 'JKK', since: '2016-03-01' }] };
    const [event] = await database.dataSource.transaction((manager) =>
      appendToOutbox(manager, 'bpjs', [
        { type: 'ParticipantEnrolled', orderingKey: worker('3175046107920003'), payload },
      ]),
    );
    const [row] = await database.dataSource.query('SELECT payload FROM outbox_event WHERE id = $1', [event!.id]);
    expect(row.payload).toEqual(payload);
  });
});
