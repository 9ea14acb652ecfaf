import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type Database } from '@jembatan/kit';
import { encodeNik } from '@jembatan/kit/identifiers';
import { openScratchDatabase, TEST_ENGINES } from '@jembatan/kit/testing';
import { bpjsMigrations } from '../migrations';
import { bpjsSeeds } from '../seed/bpjs-tables';
import { Program } from '../types/enums';
import { changeCoverage } from '../writes/coverage-summaries';
import { enrolParticipants, requireEnrolmentBatch, MAX_PEOPLE_PER_ENROLMENT } from '../writes/enrol-participants';
import type { PersonToEnrol } from '../writes/screen-people';
import { keptSummaries, recomputedSummaries } from './summaries-check';

/** A well-formed NIK of Tebet for the n-th test person (born on a day the seed's people are not). */
const nikOf = (n: number) =>
  encodeNik({ districtCode: '31.74.01', birthDate: '1950-02-03', sex: n % 2 ? 'F' : 'M', serial: n + 1 });
const pkp = (n: number, contractStart = '2016-01-04'): PersonToEnrol => ({
  nik: nikOf(n),
  name: `Pekerja Uji ${n}`,
  category: 'PKP',
  contractStart,
});

describe.each(TEST_ENGINES)('enrolling DKI workers in bulk on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let seeded: { kpj: string; nik: string } = { kpj: '', nik: '' };
  const sql = (query: string, parameters?: unknown[]) => database.dataSource.query(query, parameters);
  const enrol = (people: PersonToEnrol[], registrarUnitCode = 'KEC-317401') =>
    database.dataSource.transaction((manager) =>
      enrolParticipants(manager, { registrarUnitCode, people, registeredOn: '2016-03-16' }),
    );

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'enrol-participants', bpjsMigrations));
    await seedDatabase(database, bpjsSeeds, { preset: 'demo' });
    seeded = (
      (await sql(
        `SELECT kpj, nik FROM participant WHERE registrar_unit_code IS NOT NULL ORDER BY kpj LIMIT 1`,
      )) as (typeof seeded)[]
    )[0]!;
  }, 120_000);
  afterAll(() => dispose?.());

  it('enrols newcomers with new KPJs, reports those already enrolled, and refuses what a rule forbids', async () => {
    const change = await enrol([
      pkp(1),
      { ...pkp(2, '2016-06-01'), category: 'PPSU' },
      { ...pkp(3), nik: seeded.nik },
      { ...pkp(4), programs: [Program.JKK, Program.JP] },
      { ...pkp(5), nik: '3174010000000000' },
      pkp(1),
      { ...pkp(6), name: '  ' },
    ]);
    const { outcomes, ...counts } = change.result;
    expect(counts).toEqual({ registrarUnitCode: 'KEC-317401', enrolled: 2, alreadyEnrolled: 1, refused: 4 });
    expect(outcomes.map((o) => [o.index, o.status, o.code])).toEqual([
      [0, 'ENROLLED', null],
      [1, 'ENROLLED', null],
      [2, 'ALREADY_ENROLLED', null],
      [3, 'REFUSED', 'PROGRAM_NOT_AVAILABLE'],
      [4, 'REFUSED', 'INVALID_NIK'],
      [5, 'REFUSED', 'BAD_USER_INPUT'],
      [6, 'REFUSED', 'BAD_USER_INPUT'],
    ]);
    expect(outcomes[2]!.kpj).toBe(seeded.kpj);
    const [first, second] = outcomes;
    expect(first!.kpj).toMatch(/^16\d{9}$/);
    expect(first!.programs).toEqual([
      { program: 'JKK', since: '2016-03-01' },
      { program: 'JKM', since: '2016-03-01' },
      { program: 'JHT', since: '2017-01-01' },
    ]);
    expect(second!.programs).toEqual([
      { program: 'JKK', since: '2016-06-01' },
      { program: 'JKM', since: '2016-06-01' },
    ]);
    expect(
      await sql(
        `SELECT nik, segment, registrar_unit_code, worker_category, registered_on::text, version
                   FROM participant WHERE kpj = $1`,
        [first!.kpj],
      ),
    ).toEqual([
      {
        nik: nikOf(1),
        segment: 'BPU',
        registrar_unit_code: 'KEC-317401',
        worker_category: 'PKP',
        registered_on: '2016-03-16',
        version: 1,
      },
    ]);
    expect(change.events).toEqual([
      {
        type: 'ParticipantEnrolled',
        orderingKey: `nik:${nikOf(1)}`,
        payload: { nik: nikOf(1), kpj: first!.kpj, registrarUnitCode: 'KEC-317401', programs: first!.programs },
      },
      {
        type: 'ParticipantEnrolled',
        orderingKey: `nik:${nikOf(2)}`,
        payload: { nik: nikOf(2), kpj: second!.kpj, registrarUnitCode: 'KEC-317401', programs: second!.programs },
      },
    ]);
    expect(change.subjects).toEqual([`nik:${nikOf(1)}`, `kpj:${first!.kpj}`, `nik:${nikOf(2)}`, `kpj:${second!.kpj}`]);
    expect(await keptSummaries(database)).toEqual(await recomputedSummaries(database));
  });

  it('re-enrols a former participant under their lifetime KPJ once their cover has ended, not before', async () => {
    const kpj = (await enrol([pkp(20)])).result.outcomes[0]!.kpj!;
    await database.dataSource.transaction((manager) =>
      changeCoverage(manager, [kpj], async () => {
        await manager.query(`DELETE FROM enrollment WHERE kpj = $1 AND program = 'JHT'`, [kpj]);
        await manager.query(`UPDATE enrollment SET until = '2016-12-31' WHERE kpj = $1`, [kpj]);
        return { result: null, kpjs: [kpj] };
      }),
    );
    expect((await enrol([pkp(20, '2016-10-01')], 'DINKES')).result.outcomes[0]).toMatchObject({
      status: 'ALREADY_ENROLLED',
      kpj,
    });
    const again = await enrol([pkp(20, '2017-02-01')], 'DINKES');
    expect(again.result.outcomes[0]).toMatchObject({ status: 'ENROLLED', kpj });
    expect(await sql(`SELECT registrar_unit_code, version FROM participant WHERE kpj = $1`, [kpj])).toEqual([
      { registrar_unit_code: 'DINKES', version: 2 },
    ]);
    expect(
      await sql(`SELECT program, since::text, until::text FROM enrollment WHERE kpj = $1 ORDER BY since, program`, [
        kpj,
      ]),
    ).toEqual([
      { program: 'JKK', since: '2016-03-01', until: '2016-12-31' },
      { program: 'JKM', since: '2016-03-01', until: '2016-12-31' },
      { program: 'JHT', since: '2017-02-01', until: null },
      { program: 'JKK', since: '2017-02-01', until: null },
      { program: 'JKM', since: '2017-02-01', until: null },
    ]);
    expect(await keptSummaries(database)).toEqual(await recomputedSummaries(database));
  });

  it(`enrols ${MAX_PEOPLE_PER_ENROLMENT} people in as many statements as one`, async () => {
    const statementsFor = async (people: PersonToEnrol[]) => {
      const before = database.statements.count;
      const change = await enrol(people);
      expect(change.result.enrolled).toBe(people.length);
      return database.statements.count - before;
    };
    const one = await statementsFor([pkp(100)]);
    const many = await statementsFor(Array.from({ length: MAX_PEOPLE_PER_ENROLMENT }, (_, n) => pkp(1000 + n)));
    expect(many).toBe(one);
    // BEGIN, lock, KPJs, participants, cover, 2 summary adjustments, COMMIT.
    expect(one).toBe(8);
    expect(await keptSummaries(database)).toEqual(await recomputedSummaries(database));
  });

  it('refuses a batch over the maximum, and an empty one', () => {
    expect(() => requireEnrolmentBatch(new Array(MAX_PEOPLE_PER_ENROLMENT + 1).fill(null))).toThrow(
      expect.objectContaining({ extensions: { code: 'BATCH_TOO_LARGE', maximum: 1000, argument: 'people' } }),
    );
    expect(() => requireEnrolmentBatch([])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
    expect(() => requireEnrolmentBatch(new Array(MAX_PEOPLE_PER_ENROLMENT).fill(null))).not.toThrow();
  });
});
