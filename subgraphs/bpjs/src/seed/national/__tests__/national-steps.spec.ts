import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGatewayStandIn,
  dropPostgresDatabase,
  ensurePostgresDatabase,
  generateCursorJwk,
  openDatabase,
  seedDatabase,
  silentLogger,
  withDatabaseName,
  type AgencyService,
  type Database,
  type SeedCatalog,
  type SeedOutcome,
} from '@jembatan/kit';
import { validateKpj, validateNik } from '@jembatan/kit/identifiers';
import { testDatabaseName, TEST_POSTGRES_URL } from '@jembatan/kit/testing';
import { generateWorld, NATIONAL_KPJ_SERIAL_BASE } from '@jembatan/seed-world';
import { bpjsEntities, bpjsMigrations, startBpjsService } from '../../..';
import { bpjsSeeds, nationalPlan } from '../../bpjs-tables';
import { permuted } from '../sql-permutation';

/**
 * The national preset's SQL, at a small size on top of the demo world, on a real PostgreSQL
 * server. The full size (19.2 million) runs only in the benchmark script; the statements are the
 * same, only the series are shorter.
 */
const SIZE = { activeParticipants: 50_000, employers: 2_000 };
const url = withDatabaseName(TEST_POSTGRES_URL, testDatabaseName('national'));
const catalog: SeedCatalog = { ...bpjsSeeds, plan: () => nationalPlan(SIZE, 'demo') };
const world = generateWorld('demo');
const worldActive = new Set(world.enrollments.filter((e) => e.until === null).map((e) => e.kpj));

let database: Database;
let service: AgencyService;
let outcome: SeedOutcome;

const rows = <T>(sql: string, params: unknown[] = []) => database.dataSource.query<T[]>(sql, params);
const one = async (sql: string, params: unknown[] = []) =>
  Number(Object.values((await rows<Record<string, unknown>>(sql, params))[0] ?? {})[0]);

const gateway = createGatewayStandIn('bpjs', {
  caller: { subject: 'bpjs-analyst-1', agency: 'bpjs-tk', roles: ['bpjs_officer', 'analyst'] },
  purpose: 'STATISTICS',
});
type Answer<T> = { data: T; errors?: { message: string; extensions: { code: string } }[] };

async function post<T>(query: string, variables?: Record<string, unknown>) {
  return (await gateway.post<Answer<T>>(service.url, { query, variables })).body;
}

beforeAll(async () => {
  await ensurePostgresDatabase(url);
  database = await openDatabase({ location: { url }, entities: bpjsEntities, migrations: bpjsMigrations });
  outcome = await seedDatabase(database, catalog, { preset: 'national' });
  service = await startBpjsService({
    config: {
      name: 'bpjs',
      host: '127.0.0.1',
      port: 0,
      production: false,
      database: { url },
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
  await database?.close();
  await dropPostgresDatabase(url);
});

const NATIONAL = `left(nik, 2) <> '31'`;
/** Every national participant was born in the 1900s; women's days carry 40 more. */
const BIRTH_DATE = `make_date(1900 + substr(p.nik, 11, 2)::int, substr(p.nik, 9, 2)::int, substr(p.nik, 7, 2)::int % 40)`;

describe('the national preset at a small size', () => {
  it('makes active participants and employers exact, DKI’s included', async () => {
    expect(
      await one(
        `SELECT count(*) FROM participant p WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = p.kpj AND e.until IS NULL)`,
      ),
    ).toBe(SIZE.activeParticipants);
    expect(outcome.rowCounts.employer).toBe(SIZE.employers);
    expect(outcome.rowCounts.participant).toBeGreaterThan(SIZE.activeParticipants);
  });

  it('keeps the demo world’s DKI rows as they were and generates nothing in region 31', async () => {
    expect(await one(`SELECT count(*) FROM participant WHERE NOT ${NATIONAL}`)).toBe(world.participants.length);
    expect(await one(`SELECT count(*) FROM employer WHERE region_code LIKE '31.%'`)).toBe(world.employers.length);
    expect(await one(`SELECT count(*) FROM claim WHERE region_code LIKE '31.%'`)).toBe(world.claims.length);
    const dkiKpjs = new Set(world.participants.map((p) => p.kpj));
    const dki = await rows<{ kpj: string }>(`SELECT kpj FROM participant WHERE NOT ${NATIONAL}`);
    expect(dki.filter((p) => !dkiKpjs.has(p.kpj))).toEqual([]);
  });

  it('issues well-formed NIKs and KPJs, unique by their keys, from the national half of the KPJ space', async () => {
    const keys = await rows<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE conrelid IN ('participant'::regclass, 'enrollment'::regclass) AND contype IN ('p', 'u') ORDER BY 1`,
    );
    expect(keys.map((k) => k.conname)).toEqual(['enrollment_pkey', 'participant_nik_key', 'participant_pkey']);
    expect(
      await one(
        `SELECT count(*) FROM participant WHERE ${NATIONAL} AND NOT (
           nik ~ '^(1[1-9]|21|3[2-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[12])[0-9]{2}[0-9]{2}([04][1-9]|[1256][0-9]|[37][01])(0[1-9]|1[0-2])[0-9]{2}[0-9]{4}$'
           AND right(nik, 4) <> '0000' AND substr(nik, 3, 2) <> '00' AND substr(nik, 5, 2) <> '00'
           AND kpj ~ '^[0-9]{11}$' AND substr(kpj, 3)::int >= ${NATIONAL_KPJ_SERIAL_BASE})`,
      ),
    ).toBe(0);
    const sample = await rows<{ kpj: string; nik: string; registered_on: string }>(
      `SELECT kpj, nik, registered_on FROM participant WHERE ${NATIONAL} ORDER BY kpj LIMIT 3000`,
    );
    const invalid = sample.filter(({ kpj, nik, registered_on }) => {
      const parsed = validateNik(nik, { referenceYear: 2016 });
      return (
        !validateKpj(kpj).ok ||
        !parsed.ok ||
        parsed.provinceCode === '31' ||
        parsed.birthDate > `${Number(registered_on.slice(0, 4)) - 18}${registered_on.slice(4)}` ||
        kpj.slice(0, 2) !== registered_on.slice(2, 4)
      );
    });
    expect(invalid).toEqual([]);
  });

  it('links every wage earner, and only them, to an employer of their province', async () => {
    expect(
      await one(
        `SELECT count(*) FROM participant p LEFT JOIN employer e ON e.npp = p.employer_npp
          WHERE (p.segment = 'PU') <> (e.npp IS NOT NULL)
             OR (p.segment = 'PU' AND left(e.region_code, 2) <> left(p.nik, 2))
             OR e.registered_on > p.registered_on`,
      ),
    ).toBe(0);
    // Every employer is an active one: it employs someone still covered.
    expect(
      await one(
        `SELECT count(*) FROM employer m WHERE NOT EXISTS (
           SELECT 1 FROM participant p JOIN enrollment e ON e.kpj = p.kpj
            WHERE p.employer_npp = m.npp AND e.until IS NULL)`,
      ),
    ).toBe(0);
  });

  it('enrols each segment in its programmes only, as the seed world’s rules say', async () => {
    const offenders = await rows(
      `SELECT p.segment, e.program, count(*)::int AS n FROM participant p JOIN enrollment e USING (kpj)
        WHERE ${NATIONAL} AND (
              (p.segment <> 'PU' AND e.program IN ('JP', 'JKP'))
           OR (e.program = 'JP' AND e.since < '2015-07-01')
           OR (e.program = 'JKP' AND (e.since <> '2022-02-01' OR ${BIRTH_DATE} + interval '54 years' <= '2022-02-01'))
           OR (p.segment = 'JAKON' AND (e.until IS NULL OR e.until > (e.since + interval '24 months')::date - 1))
           OR (p.segment = 'PMI' AND e.program IN ('JKK', 'JKM') AND e.until <> (e.since + interval '25 months')::date - 1)
           OR (p.segment IN ('BPU', 'PMI') AND e.program = 'JHT' AND e.until IS NOT NULL)
           OR e.since < p.registered_on)
        GROUP BY 1, 2`,
    );
    expect(offenders).toEqual([]);
    const programs = await rows<{ segment: string; programs: string }>(
      `SELECT segment, string_agg(DISTINCT programs, ' ' ORDER BY programs) AS programs FROM (
         SELECT p.segment, string_agg(e.program, ',' ORDER BY e.program) AS programs
           FROM participant p JOIN enrollment e USING (kpj) WHERE ${NATIONAL} GROUP BY p.kpj, p.segment) AS x
        GROUP BY segment ORDER BY segment`,
    );
    expect(programs).toEqual([
      { segment: 'BPU', programs: 'JHT,JKK,JKM JKK,JKM' },
      { segment: 'JAKON', programs: 'JKK,JKM' },
      { segment: 'PMI', programs: 'JHT,JKK,JKM JKK,JKM' },
      { segment: 'PU', programs: 'JHT,JKK,JKM,JKP,JP JHT,JKK,JKM,JP' },
    ]);
  });

  it('files national claims from New Year to the MoU under a programme the claimant was enrolled in', async () => {
    expect(
      await one(
        `SELECT count(*) FROM claim c JOIN participant p USING (kpj)
          WHERE ${NATIONAL} AND (c.filed_on NOT BETWEEN '2016-01-01' AND '2016-03-15'
             OR left(c.region_code, 2) <> left(p.nik, 2)
             OR NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = c.kpj AND e.program = c.program
                              AND e.since <= c.filed_on AND (e.program IN ('JHT', 'JKM', 'JP') OR e.until IS NULL)))`,
      ),
    ).toBe(0);
    expect(await one(`SELECT count(DISTINCT id) FROM claim`)).toBe(outcome.rowCounts.claim);
  });

  it('answers claim statistics for DKI exactly as the demo world has them, and more nationally', async () => {
    const { data } = await post<{ dki: { count: number; amount: string }; all: { count: number } }>(
      '{ dki: claimStatistics(year: 2016, regionCode: "31") { count amount } all: claimStatistics(year: 2016) { count } }',
    );
    const dki2016 = world.claims.filter((c) => c.filedOn.startsWith('2016'));
    expect(data.dki).toEqual({
      count: dki2016.length,
      amount: dki2016.reduce((sum, c) => sum + BigInt(c.amount), 0n).toString(),
    });
    expect(data.all.count).toBeGreaterThan(dki2016.length + 500);
  });

  it('answers participation statistics for DKI and for Indonesia from the summary', async () => {
    type Stats = {
      activeParticipants: number;
      employers: number;
      bySegment: { segment: string; activeParticipants: number }[];
    };
    const { data, errors } = await post<{ dki: Stats; all: Stats }>(
      `{ dki: participationStatistics(regionCode: "31") { activeParticipants employers bySegment { segment activeParticipants } }
         all: participationStatistics { activeParticipants employers bySegment { segment activeParticipants } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.dki.activeParticipants).toBe(worldActive.size);
    expect(data.dki.employers).toBe(world.employers.length);
    expect(data.all.activeParticipants).toBe(SIZE.activeParticipants);
    expect(data.all.employers).toBe(SIZE.employers);
    expect(data.all.bySegment.reduce((sum, s) => sum + s.activeParticipants, 0)).toBe(SIZE.activeParticipants);
    expect(data.all.bySegment.find((s) => s.segment === 'JAKON')?.activeParticipants).toBe(
      world.participants.filter((p) => p.segment === 'JAKON' && worldActive.has(p.kpj)).length,
    );
  });

  it('serves a national employer with its active wage earners', async () => {
    const [employer] = await rows<{ npp: string; active: number }>(
      `SELECT p.employer_npp AS npp, count(*)::int AS active FROM participant p
        WHERE ${NATIONAL} AND p.employer_npp IS NOT NULL
          AND EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = p.kpj AND e.until IS NULL)
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const { data, errors } = await post<{ employer: { npp: string; regionCode: string; activeParticipants: number } }>(
      'query ($npp: ID!) { employer(npp: $npp) { npp regionCode activeParticipants } }',
      { npp: employer!.npp },
    );
    expect(errors).toBeUndefined();
    expect(data.employer).toMatchObject({ npp: employer!.npp, activeParticipants: employer!.active });
    expect(data.employer.regionCode).not.toMatch(/^31\./);
  });

  it('derives serials from a permutation: every row of a space gets its own serial', async () => {
    const [a, b] = [37, 53];
    const [row] = await rows<{ distinct: number; low: number; high: number }>(
      `SELECT count(DISTINCT s)::int AS distinct, min(s)::int AS low, max(s)::int AS high
         FROM (SELECT ${permuted('n', a, b, 'spec')} AS s FROM generate_series(0::bigint, ${a * b - 1}) AS n) AS x`,
    );
    expect(row).toEqual({ distinct: a * b, low: 0, high: a * b - 1 });
  });

  it('generates the same rows on every load', async () => {
    const digest = () =>
      rows<{ md5: string }>(
        `SELECT md5(string_agg(concat_ws('|', p.kpj, p.nik, p.name, p.registered_on, p.employer_npp), ',' ORDER BY p.kpj))
           FROM participant p`,
      );
    const before = await digest();
    await seedDatabase(database, catalog, { preset: 'national', reset: true });
    expect(await digest()).toEqual(before);
  }, 60_000);
});
