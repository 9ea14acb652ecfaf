import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asBatchHandler,
  asEventHandler,
  eventAudit,
  JembatanError,
  seedDatabase,
  type Database,
  type OutboxEvent,
} from '@jembatan/kit';
import { encodeNik } from '@jembatan/kit/identifiers';
import { openScratchDatabase, TEST_ENGINES } from '@jembatan/kit/testing';
import { bpjsEventHandlers } from '../events';
import { bpjsMigrations } from '../migrations';
import { bpjsSeeds } from '../seed/bpjs-tables';
import { keptSummaries, recomputedSummaries } from './summaries-check';

const NIK = encodeNik({ districtCode: '31.74.02', birthDate: '1951-03-04', sex: 'F', serial: 77 });
let keySeq = 0;
/** A Pemprov DKI event as a relay delivers it, with the payload workforce's events/worker-events.ts writes. */
const dkiEvent = (type: string, payload: Record<string, unknown>, nik = NIK): OutboxEvent => ({
  id: randomUUID(),
  source: 'workforce',
  type,
  orderingKey: `nik:${nik}`,
  keySeq: ++keySeq,
  position: keySeq,
  occurredAt: '2016-03-20T03:00:00.000Z',
  payload: { nik, ...payload },
});
const registered = dkiEvent('WorkerRegistered', {
  name: 'Rina Uji',
  category: 'PKP',
  unitCode: 'KEC-317402',
  contractStart: '2016-01-04',
  contractEnd: null,
  monthlyWage: '3100000',
});

describe.each(TEST_ENGINES)("BPJS's rules on Pemprov DKI's events on %s", (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const sql = (text: string, parameters?: unknown[]) => database.dataSource.query(text, parameters);
  const apply = (event: OutboxEvent) =>
    database.dataSource.transaction((manager) =>
      asEventHandler(bpjsEventHandlers.workforce![event.type]!)(
        manager,
        event,
        eventAudit(database.dataSource, manager, [event]),
      ),
    );
  const participant = async () =>
    (
      await sql(
        `SELECT kpj, registrar_unit_code, worker_category, declared_income::text, version, registered_on::text
           FROM participant WHERE nik = $1`,
        [NIK],
      )
    )[0];
  const cover = () =>
    sql(
      `SELECT e.program, e.since::text, e.until::text FROM enrollment e JOIN participant p ON p.kpj = e.kpj
        WHERE p.nik = $1 ORDER BY e.since, e.program`,
      [NIK],
    );
  const events = () =>
    sql(`SELECT type, ordering_key, key_seq::int, payload FROM outbox_event WHERE ordering_key = $1 ORDER BY key_seq`, [
      `nik:${NIK}`,
    ]);

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'dki-event-handlers', bpjsMigrations));
    await seedDatabase(database, bpjsSeeds, { preset: 'demo' });
  }, 120_000);
  afterAll(() => dispose?.());

  it('enrol a registered PKP as BPU with their unit as registrar, once however often the event comes', async () => {
    await apply(registered);
    await apply(registered);
    const enrolled = await participant();
    expect(enrolled).toMatchObject({
      registrar_unit_code: 'KEC-317402',
      worker_category: 'PKP',
      declared_income: '3100000',
      version: 1,
      registered_on: '2016-03-20',
    });
    expect(await cover()).toEqual([
      { program: 'JKK', since: '2016-03-01', until: null },
      { program: 'JKM', since: '2016-03-01', until: null },
      { program: 'JHT', since: '2017-01-01', until: null },
    ]);
    expect(await events()).toEqual([
      {
        type: 'ParticipantEnrolled',
        ordering_key: `nik:${NIK}`,
        key_seq: 1,
        payload: {
          nik: NIK,
          kpj: enrolled.kpj,
          registrarUnitCode: 'KEC-317402',
          programs: [
            { program: 'JKK', since: '2016-03-01' },
            { program: 'JKM', since: '2016-03-01' },
            { program: 'JHT', since: '2017-01-01' },
          ],
        },
      },
    ]);
    expect(await keptSummaries(database)).toEqual(await recomputedSummaries(database));
  });

  it('move the registrar on a transfer and keep the corrected wage, each once', async () => {
    const transfer = dkiEvent('WorkerTransferred', {
      category: 'PKP',
      fromUnitCode: 'KEC-317402',
      toUnitCode: 'DINKES',
      effectiveDate: '2016-07-01',
    });
    await apply(transfer);
    await apply(transfer);
    const wage = dkiEvent('WageCorrected', { category: 'PKP', monthlyWage: '3150000' });
    await apply(wage);
    await apply(wage);
    expect(await participant()).toMatchObject({
      registrar_unit_code: 'DINKES',
      declared_income: '3150000',
      version: 3,
    });
    expect(await keptSummaries(database)).toEqual(await recomputedSummaries(database));
  });

  it('end the cover DKI registered on the contract’s last day, withdrawing cover not yet started, once', async () => {
    const ended = dkiEvent('ContractEnded', { category: 'PKP', unitCode: 'DINKES', contractEnd: '2016-09-30' });
    await apply(ended);
    await apply(ended);
    expect(await cover()).toEqual([
      { program: 'JKK', since: '2016-03-01', until: '2016-09-30' },
      { program: 'JKM', since: '2016-03-01', until: '2016-09-30' },
    ]);
    const { kpj } = await participant();
    expect((await events()).slice(1)).toEqual([
      {
        type: 'CoverageEnded',
        ordering_key: `nik:${NIK}`,
        key_seq: 2,
        payload: {
          nik: NIK,
          kpj,
          programs: ['JHT', 'JKK', 'JKM'],
          until: '2016-09-30',
          withdrawn: [{ program: 'JHT', since: '2017-01-01' }],
        },
      },
    ]);
    expect(await keptSummaries(database)).toEqual(await recomputedSummaries(database));
  });

  it('enrol a burst of registrations of two units in one batch, parking only the refused, summaries exact', async () => {
    const nikOf = (serial: number) =>
      encodeNik({ districtCode: '31.71.05', birthDate: '1990-07-12', sex: 'M', serial });
    const person = (serial: number, unitCode: string, change: Record<string, string> = {}) =>
      dkiEvent(
        'WorkerRegistered',
        { ...registered.payload, nik: nikOf(serial), name: `Pekerja ${serial}`, unitCode, ...change },
        nikOf(serial),
      );
    const burst = [
      ...Array.from({ length: 30 }, (_, i) => person(200 + i, 'KEC-317402')),
      ...Array.from({ length: 20 }, (_, i) => person(300 + i, 'KEC-317105')),
    ];
    const refused = person(400, 'KEC-317105', { category: 'PNS' });
    const malformed = person(401, 'KEC-317402', { monthlyWage: 'x' });
    const statements: string[] = [];
    const events = [...burst, refused, malformed];
    const refusals = await database.dataSource.transaction((manager) => {
      const counted = {
        query: (text: string, parameters?: unknown[]) => (statements.push(text), manager.query(text, parameters)),
      };
      return asBatchHandler(bpjsEventHandlers.workforce!.WorkerRegistered!).applyMany(
        counted,
        events,
        eventAudit(database.dataSource, counted, events),
      );
    });
    expect([...refusals.keys()].sort()).toEqual([refused.id, malformed.id].sort());
    expect(refusals.get(malformed.id)!.code).toBe('BAD_USER_INPUT');
    const niks = burst.map((event) => event.payload.nik);
    const enrolled = await sql(
      `SELECT registrar_unit_code AS unit, count(*)::int AS n FROM participant WHERE nik = ANY($1) GROUP BY 1 ORDER BY 1`,
      [niks],
    );
    expect(enrolled).toEqual([
      { unit: 'KEC-317105', n: 20 },
      { unit: 'KEC-317402', n: 30 },
    ]);
    expect(
      await sql('SELECT count(*)::int AS n FROM participant WHERE nik = ANY($1)', [[nikOf(400), nikOf(401)]]),
    ).toEqual([{ n: 0 }]);
    // A call per unit, not a transaction per person: 52 events, a bounded handful of statements.
    expect(statements.length).toBeLessThanOrEqual(2 * 12);
    // Each unit's enrolment recorded in BPJS's chain, as the DKI events' doing, with no values.
    const records = await sql(
      `SELECT caller_subject, purpose, operation_name, cardinality(subjects)::int AS subjects, changes
         FROM audit_log WHERE action = 'WRITE' AND request_id = $1`,
      [burst[0]!.id],
    );
    expect(records.map(({ changes: _, ...record }: Record<string, unknown>) => record)).toEqual([
      { caller_subject: 'events:workforce', purpose: 'ENROLMENT', operation_name: 'WorkerRegistered', subjects: 60 },
      { caller_subject: 'events:workforce', purpose: 'ENROLMENT', operation_name: 'WorkerRegistered', subjects: 40 },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/Pekerja|3100000/);
    expect(await keptSummaries(database)).toEqual(await recomputedSummaries(database));
  });

  it('refuse, for parking, what a rule forbids or a payload lacks, changing nothing', async () => {
    const other = encodeNik({ districtCode: '31.74.02', birthDate: '1951-03-04', sex: 'M', serial: 78 });
    const before = await sql('SELECT count(*)::int AS n FROM participant');
    const refusals = [
      dkiEvent('WorkerRegistered', { ...registered.payload, nik: other, category: 'PNS' }, other),
      dkiEvent('WorkerRegistered', { ...registered.payload, nik: other, contractStart: '2016-02-30' }, other),
      dkiEvent('WorkerRegistered', { ...registered.payload, nik: other, unitCode: 'kec 1' }, other),
      dkiEvent('WorkerRegistered', { ...registered.payload, nik: other }, NIK),
      dkiEvent('ContractEnded', { contractEnd: 'soon' }),
    ];
    for (const event of refusals) {
      await expect(apply(event)).rejects.toBeInstanceOf(JembatanError);
    }
    await expect(apply(refusals[0]!)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await sql('SELECT count(*)::int AS n FROM participant')).toEqual(before);
  });
});
