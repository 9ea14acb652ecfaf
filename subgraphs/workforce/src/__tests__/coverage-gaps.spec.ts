import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asEventHandler,
  eventAudit,
  openSubgraphDatabase,
  seedDatabase,
  type Database,
  type OutboxEvent,
} from '@jembatan/kit';
import { openSeededSubgraphDatabase, testDataFolder, TEST_ENGINES, type TestEngine } from '@jembatan/kit/testing';
import { generateWorld, requiredPemprovPrograms, type Program, type World } from '@jembatan/seed-world';
import type { CoverageGapRow } from '../agreement/coverage-gap';
import { workforceEventHandlers } from '../events/bpjs-event-handlers';
import { countCoverageGaps, listCoverageGaps } from '../queries';
import { workforceSubgraph } from '../server';

const world = generateWorld('demo');

/** The gaps as the seed world itself has them, worked out here from its rows, without SQL. */
function gapsInWorld(world: World, asOf: string): Map<string, Pick<CoverageGapRow, 'kind' | 'programs'>> {
  const periodsOf = new Map<string, { program: Program; since: string; until: string | null; registrar: string }[]>();
  const byKpj = new Map(world.participants.filter((p) => p.registrarUnitCode).map((p) => [p.kpj, p]));
  for (const e of world.enrollments) {
    const participant = byKpj.get(e.kpj);
    if (!participant) continue;
    const periods = periodsOf.get(participant.nik) ?? [];
    periods.push({ program: e.program, since: e.since, until: e.until, registrar: participant.registrarUnitCode! });
    periodsOf.set(participant.nik, periods);
  }
  const gaps = new Map<string, Pick<CoverageGapRow, 'kind' | 'programs'>>();
  for (const w of world.workers) {
    const periods = periodsOf.get(w.nik) ?? [];
    const running = w.contractStart <= asOf && (w.contractEnd === null || w.contractEnd >= asOf);
    if (running) {
      const missing = requiredPemprovPrograms(w.category, asOf).filter(
        (program) => !periods.some((p) => p.program === program && p.since <= asOf && (p.until ?? '9999') >= asOf),
      );
      if (missing.length > 0) gaps.set(w.nik, { kind: 'MISSING_COVER', programs: missing.sort() });
    } else if (w.contractEnd !== null && w.contractEnd < asOf) {
      const after = periods.filter((p) => (p.until ?? '9999') > w.contractEnd!).map((p) => p.program);
      if (after.length > 0) gaps.set(w.nik, { kind: 'COVER_AFTER_CONTRACT_END', programs: [...new Set(after)].sort() });
    }
  }
  return gaps;
}

async function openSeeded(engine: TestEngine): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (engine === 'postgres') return openSeededSubgraphDatabase(workforceSubgraph, 'coverage-gaps');
  const folder = testDataFolder('coverage-gaps');
  const database = await openSubgraphDatabase(workforceSubgraph, {
    database: { dataDir: join(folder, 'db') },
    createDatabase: false,
  });
  await seedDatabase(database, workforceSubgraph.seeds, { preset: 'demo' });
  return {
    database,
    async dispose() {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const everyGap = async (database: Database, asOf: string, unitCode: string | null = null) => {
  const gaps: CoverageGapRow[] = [];
  let afterKey: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await listCoverageGaps(
      database,
      { unitCode, asOf },
      { connection: 'coverageGaps', limit: 500, afterKey },
    );
    gaps.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return gaps;
    afterKey = gaps.at(-1)!.nik;
  }
  throw new Error('more than 100 pages of gaps');
};

const bpjsEvent = (type: string, nik: string, payload: Record<string, unknown>, keySeq = 1): OutboxEvent => ({
  id: crypto.randomUUID(),
  source: 'bpjs',
  type,
  orderingKey: `nik:${nik}`,
  keySeq,
  position: keySeq,
  occurredAt: new Date().toISOString(),
  payload: { nik, ...payload },
});

describe.each(TEST_ENGINES)('coverage gaps on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const apply = (event: OutboxEvent) =>
    database.dataSource.transaction((manager) =>
      asEventHandler(workforceEventHandlers[event.source]![event.type]!)(
        manager,
        event,
        eventAudit(database.dataSource, manager, [event]),
      ),
    );

  beforeAll(async () => {
    ({ database, dispose } = await openSeeded(engine));
  }, 120_000);
  afterAll(() => dispose());

  // The MoU's day (nobody's contract has ended yet), mid-2016 (the pending PKP are hired and
  // not yet registered), and a day long after the 2016 contracts ended.
  it.each(['2016-03-16', '2016-10-01', '2026-12-06'])(
    'finds exactly the gaps the seed world has on %s',
    async (asOf) => {
      const expected = gapsInWorld(world, asOf);
      const found = await everyGap(database, asOf);
      expect(new Map(found.map((gap) => [gap.nik, { kind: gap.kind, programs: gap.programs }]))).toEqual(expected);
      const counts = await countCoverageGaps(database, asOf, null);
      const counted = [...counts.values()].reduce((sum, c) => sum + c.missingCover + c.coverAfterContractEnd, 0);
      expect(counted).toBe(expected.size);
      // The registry-wide count (set-based) and the per-unit one (per worker) agree unit by unit.
      const units = [...new Set(found.map((gap) => gap.unitCode))];
      const perUnit = await countCoverageGaps(database, asOf, units);
      expect(new Map([...perUnit].filter(([, c]) => c.missingCover + c.coverAfterContractEnd > 0))).toEqual(
        new Map([...counts].filter(([, c]) => c.missingCover + c.coverAfterContractEnd > 0)),
      );
    },
  );

  it('the mid-2016 gaps are the PKP whose registration the seed world left pending', async () => {
    const pending = world.workers.filter(
      (w) => w.category === 'PKP' && !world.participants.some((p) => p.nik === w.nik),
    );
    expect(pending.length).toBeGreaterThan(0);
    const gaps = await everyGap(database, '2016-10-01');
    expect(gaps.filter((gap) => gap.kind === 'MISSING_COVER').map((gap) => gap.nik)).toEqual(
      pending.filter((w) => w.contractStart <= '2016-10-01').map((w) => w.nik),
    );
  });

  it("closes a MISSING_COVER gap when BPJS's enrolment arrives, once however often it arrives", async () => {
    const asOf = '2016-10-01';
    const [gap] = (await everyGap(database, asOf)).filter((g) => g.kind === 'MISSING_COVER');
    const worker = world.workers.find((w) => w.nik === gap!.nik)!;
    const enrolled = bpjsEvent('ParticipantEnrolled', worker.nik, {
      kpj: '23000000017',
      registrarUnitCode: worker.unitCode,
      programs: [
        { program: 'JKK', since: worker.contractStart },
        { program: 'JKM', since: worker.contractStart },
        { program: 'JHT', since: '2017-01-01' },
      ],
    });
    const before = await database.dataSource.query('SELECT count(*)::int AS n FROM bpjs_cover');
    await apply(enrolled);
    await apply(enrolled);
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM bpjs_cover')).toEqual([
      { n: before[0].n + 3 },
    ]);
    expect((await everyGap(database, asOf, worker.unitCode)).map((g) => g.nik)).not.toContain(worker.nik);

    // Their contract ends; until BPJS ends the cover, the registries disagree again.
    await database.dataSource.query(`UPDATE worker SET contract_end = '2017-06-30' WHERE nik = $1`, [worker.nik]);
    const afterEnd = (await everyGap(database, '2017-07-01', worker.unitCode)).find((g) => g.nik === worker.nik);
    expect(afterEnd).toMatchObject({ kind: 'COVER_AFTER_CONTRACT_END', programs: ['JHT', 'JKK', 'JKM'] });
    await apply(
      bpjsEvent(
        'CoverageEnded',
        worker.nik,
        { kpj: '23000000017', programs: ['JKK', 'JKM', 'JHT'], until: '2017-06-30' },
        2,
      ),
    );
    expect((await everyGap(database, '2017-07-01', worker.unitCode)).map((g) => g.nik)).not.toContain(worker.nik);
  });

  it('refuses, for parking, an event without the agreed payload, and changes nothing', async () => {
    const before = await database.dataSource.query('SELECT count(*)::int AS n FROM bpjs_cover');
    const malformed = bpjsEvent('ParticipantEnrolled', world.workers[0]!.nik, { kpj: '123', programs: [] });
    await expect(apply(malformed)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const badNik = bpjsEvent('CoverageEnded', '1234', { kpj: '23000000017', programs: ['JKK'], until: '2017-06-30' });
    await expect(apply(badNik)).rejects.toMatchObject({ extensions: { code: 'INVALID_NIK' } });
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM bpjs_cover')).toEqual(before);
  });
});
