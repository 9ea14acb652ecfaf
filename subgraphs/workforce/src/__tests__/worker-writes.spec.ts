import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGatewayStandIn,
  generateCursorJwk,
  PURPOSES,
  ROLES,
  seedDatabase,
  silentLogger,
  type Caller,
  type Database,
  type Purpose,
  type Role,
} from '@jembatan/kit';
import { openScratchDatabase, TEST_ENGINES } from '@jembatan/kit/testing';
import { workforceEntities } from '../entities';
import { workforceMigrations } from '../migrations';
import { workforceSeeds } from '../seed/workforce-tables';
import { startWorkforceService } from '../server';

const HR: Caller = { subject: 'siti@jakarta.go.id', agency: 'pemprov-dki', roles: ['dki_hr'] };
const gateway = createGatewayStandIn('workforce', { caller: HR, purpose: 'HR_ADMINISTRATION' });

type Answer = {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
};

const WORKER_FIELDS = 'nik name category unit { code } contractStart contractEnd monthlyWage version';
const MUTATIONS = {
  registerWorker: `mutation ($key: String!, $input: RegisterWorkerInput!) {
    registerWorker(idempotencyKey: $key, input: $input) { replayed worker { ${WORKER_FIELDS} } } }`,
  endContract: `mutation ($key: String!, $input: EndContractInput!) {
    endContract(idempotencyKey: $key, input: $input) { replayed worker { ${WORKER_FIELDS} } } }`,
  transferWorker: `mutation ($key: String!, $input: TransferWorkerInput!) {
    transferWorker(idempotencyKey: $key, input: $input) { replayed fromUnit { code } worker { ${WORKER_FIELDS} } } }`,
  correctWage: `mutation ($key: String!, $input: CorrectWageInput!) {
    correctWage(idempotencyKey: $key, input: $input) { replayed worker { ${WORKER_FIELDS} } } }`,
  registerWorkers: `mutation ($key: String!, $unitCode: ID!, $input: [WorkerToRegisterInput!]!) {
    registerWorkers(idempotencyKey: $key, unitCode: $unitCode, workers: $input) {
      unitCode registered alreadyRegistered refused replayed outcomes { index nik status code reason } } }`,
};
type MutationName = keyof typeof MUTATIONS;

let serial = 0;
/** A NIK no seed world issues (serial 9xxx), new on each call. */
const newNik = () => `3174010101909${String(serial++).padStart(3, '0')}`;
const newKey = () => `key-${Date.now().toString(36)}-${serial++}`;

describe.each(TEST_ENGINES)("Pemprov DKI's registry writes on %s", (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let service: Awaited<ReturnType<typeof startWorkforceService>>;
  let units: [string, string];

  const sql = <T = Record<string, unknown>>(text: string, parameters?: unknown[]) =>
    database.dataSource.query(text, parameters) as Promise<T[]>;
  const count = async (table: string, where = 'true') =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0]!.n;

  const mutate = async (
    name: MutationName,
    input: Record<string, unknown> | Record<string, unknown>[],
    {
      key = newKey(),
      as = { caller: HR, purpose: 'HR_ADMINISTRATION' as Purpose | null },
      unitCode = units[0] as string,
    } = {},
  ) => {
    // unitCode is a variable of registerWorkers only; the other operations leave it unused.
    const variables = { key, input, unitCode };
    const { body } = await gateway.post<Answer>(service.url, { query: MUTATIONS[name], variables }, as);
    return { body, result: body.data?.[name] ?? null, error: body.errors?.[0]?.extensions ?? null };
  };

  const registration = (overrides: Record<string, unknown> = {}) => ({
    nik: newNik(),
    name: 'Dewi Lestari',
    category: 'PKP',
    unitCode: units[0],
    contractStart: '2016-04-01',
    contractEnd: '2016-12-31',
    monthlyWage: '3100000',
    ...overrides,
  });

  /** The summary kept by triggers against a fresh count: they must never drift. */
  const expectCountsExact = async () =>
    expect(
      await sql('SELECT unit_code, category, workers FROM unit_worker_count WHERE workers <> 0 ORDER BY 1, 2'),
    ).toEqual(
      await sql('SELECT unit_code, category, count(*)::int AS workers FROM worker GROUP BY 1, 2 ORDER BY 1, 2'),
    );

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(
      engine,
      `workforce-writes-${engine}`,
      workforceMigrations,
      workforceEntities,
    ));
    await seedDatabase(database, workforceSeeds, { preset: 'demo' });
    const rows = await sql<{ code: string }>('SELECT code FROM unit ORDER BY code LIMIT 2');
    units = rows.map((row) => row.code) as [string, string];
    service = await startWorkforceService({
      config: {
        name: 'workforce',
        host: '127.0.0.1',
        port: 0,
        production: false,
        database: { dataDir: 'unused' },
        createDatabase: false,
        seedPreset: null,
        gatewayKeys: gateway.gatewayKeys,
        cursorKeys: { jwks: { keys: [generateCursorJwk()] } },
      },
      logger: silentLogger,
      database,
    });
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await dispose?.();
  });
  beforeEach(expectCountsExact);

  it('registers a worker, with one audit record of digests, one event and exact unit counts', async () => {
    const input = registration();
    const before = { audit: await count('audit_log'), events: await count('outbox_event') };
    const { body, result } = await mutate('registerWorker', input, { key: 'register-dewi-1' });
    expect(body.errors).toBeUndefined();
    expect(result).toEqual({
      replayed: false,
      worker: {
        nik: input.nik,
        name: 'Dewi Lestari',
        category: 'PKP',
        unit: { code: units[0] },
        contractStart: '2016-04-01',
        contractEnd: '2016-12-31',
        monthlyWage: '3100000',
        version: 1,
      },
    });
    await expectCountsExact();
    const [event] = await sql(
      'SELECT type, ordering_key, key_seq::int, payload FROM outbox_event ORDER BY position DESC LIMIT 1',
    );
    expect(event).toEqual({
      type: 'WorkerRegistered',
      ordering_key: `nik:${input.nik}`,
      key_seq: 1,
      payload: { ...input, unitCode: units[0] },
    });
    // One WRITE record, and one READ record of the worker the answer showed.
    expect(await count('audit_log')).toBe(before.audit + 2);
    expect(await count('outbox_event')).toBe(before.events + 1);
    const [write] = await sql(
      `SELECT caller_subject, purpose, subjects, fields, changes FROM audit_log WHERE action = 'WRITE' ORDER BY seq DESC LIMIT 1`,
    );
    expect(write).toMatchObject({
      caller_subject: HR.subject,
      purpose: 'HR_ADMINISTRATION',
      subjects: [`nik:${input.nik}`],
      fields: [
        'Worker.category',
        'Worker.contractEnd',
        'Worker.contractStart',
        'Worker.monthlyWage',
        'Worker.name',
        'Worker.nik',
        'Worker.unit',
      ],
    });
    expect((write!.changes as string[]).every((change) => /^Worker\.\w+=[0-9a-f]{64}$/.test(change))).toBe(true);
    expect(JSON.stringify(write)).not.toMatch(/Dewi|3100000|2016-04-01/);

    const again = await mutate('registerWorker', input, { key: 'register-dewi-1' });
    expect(again.result).toEqual({ ...result, replayed: true });
    expect(await count('outbox_event')).toBe(before.events + 1);
    const reused = await mutate('registerWorker', { ...input, name: 'Dewi L.' }, { key: 'register-dewi-1' });
    expect(reused.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it.each([
    ['an invalid NIK', { nik: '3174010101900' }, { code: 'INVALID_NIK', argument: 'nik' }],
    ['an unknown unit', { unitCode: 'DINAS-TIDAKADA' }, { code: 'NOT_FOUND', entity: 'Unit' }],
    [
      'a PKP wage below the UMP of 2016',
      { monthlyWage: '3099999' },
      { code: 'WAGE_BELOW_MINIMUM', minimum: '3100000' },
    ],
    [
      'a PPSU wage below the UMP of 2015',
      { category: 'PPSU', contractStart: '2015-06-01', monthlyWage: '2600000' },
      { code: 'WAGE_BELOW_MINIMUM', minimum: '2700000' },
    ],
    [
      'a wage of zero',
      { category: 'KEBERSIHAN', monthlyWage: '0' },
      { code: 'BAD_USER_INPUT', argument: 'monthlyWage' },
    ],
    [
      'a contract ending before it starts',
      { contractEnd: '2016-03-31' },
      { code: 'INVALID_DATE_RANGE', field: 'contractEnd' },
    ],
    [
      'a contract starting before 2012',
      { contractStart: '2011-12-01' },
      { code: 'INVALID_DATE_RANGE', field: 'contractStart' },
    ],
    [
      'a contract starting years ahead',
      { contractStart: '2099-01-01', contractEnd: null },
      { code: 'INVALID_DATE_RANGE' },
    ],
    ['an empty name', { name: '   ' }, { code: 'INVALID_ID', argument: 'name' }],
  ])('refuses a registration with %s, writing nothing but the refused attempt', async (_, overrides, expected) => {
    const before = { workers: await count('worker'), events: await count('outbox_event') };
    const refusedBefore = await count('audit_log', `action = 'WRITE_REFUSED'`);
    const { error } = await mutate('registerWorker', registration(overrides));
    expect(error).toMatchObject(expected);
    expect({ workers: await count('worker'), events: await count('outbox_event') }).toEqual(before);
    expect(await count('audit_log', `action = 'WRITE_REFUSED'`)).toBe(refusedBefore + 1);
    const [refused] = await sql(
      `SELECT fields, changes, refusal_code FROM audit_log WHERE action = 'WRITE_REFUSED' ORDER BY seq DESC LIMIT 1`,
    );
    expect(refused).toMatchObject({ changes: [], refusal_code: expected.code });
  });

  it('accepts a Kebersihan wage below the UMP: no floor applies to day labourers', async () => {
    const { result } = await mutate('registerWorker', registration({ category: 'KEBERSIHAN', monthlyWage: '2500000' }));
    expect(result).toMatchObject({ replayed: false, worker: { category: 'KEBERSIHAN', monthlyWage: '2500000' } });
  });

  it('refuses a NIK already registered', async () => {
    const [seeded] = await sql<{ nik: string }>('SELECT nik FROM worker ORDER BY nik LIMIT 1');
    const { error } = await mutate('registerWorker', registration({ nik: seeded!.nik }));
    expect(error).toMatchObject({ code: 'WORKER_ALREADY_REGISTERED', field: 'nik' });
  });

  it("registers a unit's list in one transaction: an outcome per worker, one audit record, an event per new worker", async () => {
    const { unitCode: _unit, ...first } = registration();
    const { unitCode: _unit2, ...second } = registration({ category: 'PPSU', monthlyWage: '3150000' });
    const [seeded] = await sql<{ nik: string }>('SELECT nik FROM worker ORDER BY nik LIMIT 1');
    const { unitCode: _unit3, ...known } = registration({ nik: seeded!.nik });
    const { unitCode: _unit4, ...underpaid } = registration({ monthlyWage: '2500000' });
    const list = [first, second, known, underpaid, { ...first, name: 'Dewi Kedua' }];
    const before = {
      audit: await count('audit_log', `action = 'WRITE'`),
      events: await count('outbox_event'),
      workers: await count('worker'),
    };
    const { body, result } = await mutate('registerWorkers', list, { key: 'register-list-1' });
    expect(body.errors).toBeUndefined();
    expect(result).toMatchObject({
      unitCode: units[0],
      registered: 2,
      alreadyRegistered: 1,
      refused: 2,
      replayed: false,
      outcomes: [
        { index: 0, nik: first.nik, status: 'REGISTERED', code: null },
        { index: 1, nik: second.nik, status: 'REGISTERED', code: null },
        { index: 2, nik: seeded!.nik, status: 'ALREADY_REGISTERED', code: null },
        { index: 3, nik: underpaid.nik, status: 'REFUSED', code: 'WAGE_BELOW_MINIMUM' },
        { index: 4, nik: first.nik, status: 'REFUSED', code: 'BAD_USER_INPUT' },
      ],
    });
    expect((result!.outcomes as { reason: string | null }[])[3]!.reason).toMatch(/3100000|3,100,000|UMP/);
    await expectCountsExact();
    expect(await count('worker')).toBe(before.workers + 2);
    expect(await count('audit_log', `action = 'WRITE'`)).toBe(before.audit + 1);
    const [write] = await sql(
      `SELECT subjects, fields, changes FROM audit_log WHERE action = 'WRITE' ORDER BY seq DESC LIMIT 1`,
    );
    expect(write).toMatchObject({ subjects: [`nik:${first.nik}`, `nik:${second.nik}`].sort() });
    expect(JSON.stringify(write)).not.toMatch(/Dewi|3100000|3150000/);
    const events = await sql(
      `SELECT type, ordering_key, payload->>'unitCode' AS unit FROM outbox_event ORDER BY position DESC LIMIT 2`,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'WorkerRegistered', ordering_key: `nik:${first.nik}`, unit: units[0] },
        { type: 'WorkerRegistered', ordering_key: `nik:${second.nik}`, unit: units[0] },
      ]),
    );
    expect(await count('outbox_event')).toBe(before.events + 2);

    const again = await mutate('registerWorkers', list, { key: 'register-list-1' });
    expect(again.result).toEqual({ ...result, replayed: true });
    expect(await count('outbox_event')).toBe(before.events + 2);
    // The same list under a new key: everyone known now, nothing written.
    const resent = await mutate('registerWorkers', list.slice(0, 2));
    expect(resent.result).toMatchObject({ registered: 0, alreadyRegistered: 2, refused: 0 });
    expect(await count('outbox_event')).toBe(before.events + 2);
  });

  it('refuses a whole list over 1,000 workers, an empty one, or one for an unknown unit', async () => {
    const { unitCode: _unit, ...worker } = registration();
    // The size is refused before anyone on the list is looked at.
    const tooMany = Array.from({ length: 1_001 }, () => worker);
    expect((await mutate('registerWorkers', tooMany)).error).toMatchObject({
      code: 'BATCH_TOO_LARGE',
      maximum: 1000,
      argument: 'workers',
    });
    expect((await mutate('registerWorkers', [])).error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'workers' });
    expect((await mutate('registerWorkers', [worker], { unitCode: 'DINAS-TIDAKADA' })).error).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await count('worker', `nik = '${worker.nik}'`)).toBe(0);
  });

  it('transfers, corrects a wage and ends a contract at the version read, one event each in order', async () => {
    const input = registration();
    await mutate('registerWorker', input);
    const transfer = { nik: input.nik, expectedVersion: 1, toUnitCode: units[1], effectiveDate: '2016-07-01' };
    expect((await mutate('transferWorker', { ...transfer, toUnitCode: units[0] })).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'toUnitCode',
    });
    expect((await mutate('transferWorker', { ...transfer, toUnitCode: 'DINAS-TIDAKADA' })).error).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await mutate('transferWorker', { ...transfer, effectiveDate: '2017-01-01' })).error).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      field: 'effectiveDate',
    });
    const moved = await mutate('transferWorker', transfer);
    expect(moved.result).toMatchObject({
      replayed: false,
      fromUnit: { code: units[0] },
      worker: { unit: { code: units[1] }, version: 2 },
    });
    await expectCountsExact();

    const stale = await mutate('correctWage', { nik: input.nik, expectedVersion: 1, monthlyWage: '3200000' });
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2, expectedVersion: 1 });
    expect(
      (await mutate('correctWage', { nik: input.nik, expectedVersion: 2, monthlyWage: '3000000' })).error,
    ).toMatchObject({
      code: 'WAGE_BELOW_MINIMUM',
    });
    const corrected = await mutate('correctWage', { nik: input.nik, expectedVersion: 2, monthlyWage: '3200000' });
    expect(corrected.result).toMatchObject({ worker: { monthlyWage: '3200000', version: 3 } });

    const end = { nik: input.nik, expectedVersion: 3, endDate: '2016-09-30', reason: 'Mengundurkan diri' };
    expect((await mutate('endContract', { ...end, endDate: '2016-03-31' })).error).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      field: 'endDate',
    });
    expect((await mutate('endContract', { ...end, endDate: '2017-01-31' })).error).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      latest: '2016-12-31',
    });
    const ended = await mutate('endContract', end);
    expect(ended.result).toMatchObject({ worker: { contractEnd: '2016-09-30', version: 4 } });
    expect((await mutate('endContract', { ...end, expectedVersion: 4 })).error).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'ENDED',
    });
    expect(
      (await mutate('transferWorker', { ...transfer, expectedVersion: 4, toUnitCode: units[0] })).error,
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expectCountsExact();

    const events = await sql(
      'SELECT type, key_seq::int, payload FROM outbox_event WHERE ordering_key = $1 ORDER BY key_seq',
      [`nik:${input.nik}`],
    );
    expect(events).toEqual([
      { type: 'WorkerRegistered', key_seq: 1, payload: expect.objectContaining({ nik: input.nik }) },
      {
        type: 'WorkerTransferred',
        key_seq: 2,
        payload: {
          nik: input.nik,
          category: 'PKP',
          fromUnitCode: units[0],
          toUnitCode: units[1],
          effectiveDate: '2016-07-01',
        },
      },
      { type: 'WageCorrected', key_seq: 3, payload: { nik: input.nik, category: 'PKP', monthlyWage: '3200000' } },
      {
        type: 'ContractEnded',
        key_seq: 4,
        payload: { nik: input.nik, category: 'PKP', unitCode: units[1], contractEnd: '2016-09-30' },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('Mengundurkan');
  });

  it("lets a unit's HR officer change only their own unit's staff, recording each refusal", async () => {
    const officer = {
      caller: { ...HR, subject: 'hr-unit-0', units: [units[0]] },
      purpose: 'HR_ADMINISTRATION' as const,
    };
    const theirs = registration();
    expect((await mutate('registerWorker', theirs, { as: officer })).result).toMatchObject({ replayed: false });
    const elsewhere = await mutate('registerWorker', registration({ unitCode: units[1] }), { as: officer });
    expect(elsewhere.error).toMatchObject({ code: 'FORBIDDEN', unitCode: units[1], units: [units[0]] });
    expect(elsewhere.body.errors![0]!.message).toMatch(/administers .*BKD/);
    const { unitCode: _unit, ...listed } = registration();
    expect((await mutate('registerWorkers', [listed], { as: officer, unitCode: units[1] })).error).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Their own worker may be sent to another unit; another unit's worker is not theirs to move.
    const [other] = await sql<{ nik: string; version: number }>(
      `SELECT nik, version FROM worker WHERE unit_code = $1 AND end_reason IS NULL ORDER BY nik LIMIT 1`,
      [units[1]],
    );
    const move = (nik: string, expectedVersion: number, toUnitCode: string) => ({
      nik,
      expectedVersion,
      toUnitCode,
      effectiveDate: '2016-07-01',
    });
    expect(
      (await mutate('transferWorker', move(other!.nik, other!.version, units[0]), { as: officer })).error,
    ).toMatchObject({
      code: 'FORBIDDEN',
      unitCode: units[1],
    });
    expect((await mutate('transferWorker', move(theirs.nik, 1, units[1]), { as: officer })).result).toMatchObject({
      worker: { unit: { code: units[1] } },
    });
    const refused = await sql(
      `SELECT refusal_code FROM audit_log WHERE action = 'WRITE_REFUSED' AND caller_subject = 'hr-unit-0'`,
    );
    expect(refused).toEqual([
      { refusal_code: 'FORBIDDEN' },
      { refusal_code: 'FORBIDDEN' },
      { refusal_code: 'FORBIDDEN' },
    ]);
  });

  it('lets only dki_hr for HR_ADMINISTRATION change the registry, cell by cell, recording each refusal', async () => {
    const [seeded] = await sql<{ nik: string; unit_code: string }>(
      `SELECT nik, unit_code FROM worker WHERE end_reason IS NULL AND contract_end IS NULL AND category = 'PKP' ORDER BY nik LIMIT 1`,
    );
    const inputs: Record<MutationName, () => Record<string, unknown> | Record<string, unknown>[]> = {
      registerWorker: () => registration(),
      endContract: () => ({ nik: seeded!.nik, expectedVersion: 99, endDate: '2016-12-31', reason: 'x' }),
      transferWorker: () => ({
        nik: seeded!.nik,
        expectedVersion: 99,
        toUnitCode: units[1],
        effectiveDate: '2016-07-01',
      }),
      correctWage: () => ({ nik: seeded!.nik, expectedVersion: 99, monthlyWage: '9999999' }),
      registerWorkers: () => {
        const { unitCode: _unit, ...worker } = registration();
        return [worker];
      },
    };
    const cells: string[] = [];
    for (const role of ROLES) {
      // DATA_SUBJECT_REQUEST comes only with the data subject's NIK, which no write takes.
      for (const purpose of [null, ...PURPOSES.filter((p) => p !== 'DATA_SUBJECT_REQUEST')] as (Purpose | null)[]) {
        for (const name of Object.keys(MUTATIONS) as MutationName[]) {
          const as = { caller: { subject: `${role}-1`, agency: 'x', roles: [role] as Role[] }, purpose };
          const { error } = await mutate(name, inputs[name](), { as });
          // The allowed cell gets through the rule: to a stale version (or, registering, to a write).
          if (error?.code !== 'FORBIDDEN')
            cells.push(`${role}/${purpose}/${name}: ${String(error?.code ?? 'written')}`);
          else expect(error.field).toBe(`Mutation.${name}`);
        }
      }
    }
    expect(cells).toEqual([
      'dki_hr/HR_ADMINISTRATION/registerWorker: written',
      'dki_hr/HR_ADMINISTRATION/endContract: VERSION_CONFLICT',
      'dki_hr/HR_ADMINISTRATION/transferWorker: VERSION_CONFLICT',
      'dki_hr/HR_ADMINISTRATION/correctWage: VERSION_CONFLICT',
      'dki_hr/HR_ADMINISTRATION/registerWorkers: written',
    ]);
    const refusedForbidden = await count(
      'audit_log',
      `action = 'WRITE_REFUSED' AND refusal_code = 'FORBIDDEN' AND caller_subject LIKE '%-1'`,
    );
    expect(refusedForbidden).toBe(ROLES.length * PURPOSES.length * 5 - 5);
    expect(await sql('SELECT version, unit_code FROM worker WHERE nik = $1', [seeded!.nik])).toEqual([
      { version: 1, unit_code: seeded!.unit_code },
    ]);
  });
});
