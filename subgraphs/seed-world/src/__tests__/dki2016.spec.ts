import { describe, expect, it } from 'vitest';

import { validateKpj, validateNik } from '@jembatan/kit/identifiers';
import { generateWorld, type Program, type WorkerCategory } from '..';
import { UMP_2016 } from '../wages';

// One full-size world for the whole file: it takes a few seconds to generate. Checks over its
// rows collect offenders and assert once; an expect() per row would cost more than the world.
const world = generateWorld('dki2016');
const participantsByNik = new Map(world.participants.map((p) => [p.nik, p]));
const enrollmentsByKpj = new Map<string, { program: Program; since: string }[]>();
for (const e of world.enrollments) enrollmentsByKpj.set(e.kpj, [...(enrollmentsByKpj.get(e.kpj) ?? []), e]);

function programsOf(kpj: string): Record<string, string> {
  return Object.fromEntries((enrollmentsByKpj.get(kpj) ?? []).map((e) => [e.program, e.since]));
}

describe('the dki2016 world', () => {
  it('has the article’s 300 units and its exact workforce', () => {
    expect(world.units).toHaveLength(300);
    const counts: Record<WorkerCategory, number> = { PKP: 0, PPSU: 0, KEBERSIHAN: 0 };
    for (const worker of world.workers) counts[worker.category] += 1;
    expect(counts).toEqual({ PKP: 250_000, PPSU: 18_000, KEBERSIHAN: 13_526 });
    const unitsWithPkp = new Set(world.workers.filter((w) => w.category === 'PKP').map((w) => w.unitCode));
    expect(unitsWithPkp.size).toBe(300);
  });

  it('gives everyone a valid, unique NIK and every participant a unique 11-digit KPJ', () => {
    const niks = new Set([...world.workers.map((w) => w.nik), ...world.participants.map((p) => p.nik)]);
    expect(niks.size).toBe(world.participants.length);
    expect([...niks].filter((nik) => !validateNik(nik).ok)).toEqual([]);
    expect(new Set(world.participants.map((p) => p.kpj)).size).toBe(world.participants.length);
    expect(world.participants.filter((p) => !validateKpj(p.kpj).ok)).toEqual([]);
  });

  it('pays every worker at least the 2016 UMP, and PPSU and Kebersihan crews exactly that', () => {
    const offWage = world.workers.filter((w) => {
      const wage = Number(w.monthlyWage);
      return w.category === 'PKP' ? wage < UMP_2016 : wage !== UMP_2016;
    });
    expect(offWage).toEqual([]);
  });

  it('registers every worker as a BPU participant of their unit, on the story’s programmes and dates', () => {
    const expected = (worker: (typeof world.workers)[number], kpj: string): boolean => {
      const programs = programsOf(kpj);
      if (worker.category === 'PKP') {
        return JSON.stringify(programs) === JSON.stringify({ JHT: '2017-01-01', JKK: '2016-03-01', JKM: '2016-03-01' });
      }
      const keys = Object.keys(programs).join();
      return keys === 'JKK,JKM' && programs.JKK === programs.JKM && (programs.JKK ?? '') >= '2015-07-01';
    };
    const offenders = world.workers.filter((worker) => {
      const participant = participantsByNik.get(worker.nik);
      return (
        participant?.segment !== 'BPU' ||
        participant.registrarUnitCode !== worker.unitCode ||
        !expected(worker, participant.kpj)
      );
    });
    expect(offenders).toEqual([]);
  });

  it('files the article’s DKI claims between New Year and the MoU, to the Rupiah', () => {
    const in2016 = world.claims.filter((c) => c.filedOn.startsWith('2016'));
    const byProgram = new Map<Program, { count: number; amount: bigint }>();
    expect(in2016.filter((c) => c.filedOn > '2016-03-15' || !c.regionCode.startsWith('31.'))).toEqual([]);
    for (const claim of in2016) {
      const entry = byProgram.get(claim.program) ?? { count: 0, amount: 0n };
      byProgram.set(claim.program, { count: entry.count + 1, amount: entry.amount + BigInt(claim.amount) });
    }
    expect(in2016).toHaveLength(35_452);
    expect(in2016.reduce((sum, c) => sum + BigInt(c.amount), 0n)).toBe(504_000_000_000n);
    expect(byProgram.get('JHT')).toEqual({ count: 34_685, amount: 490_200_000_000n });
    expect(byProgram.get('JKM')).toEqual({ count: 239, amount: 239n * 24_000_000n });
    expect(byProgram.get('JKK')?.count).toBe(474);
    expect(byProgram.get('JP')?.count).toBe(54);
  });

  it('has the article’s 60,423 active DKI employers, each employing an active wage earner', () => {
    expect(world.employers).toHaveLength(60_423);
    expect(new Set(world.employers.map((e) => e.npp)).size).toBe(60_423);
    const active = new Set(world.enrollments.filter((e) => e.until === null).map((e) => e.kpj));
    const employing = new Set(world.participants.filter((p) => active.has(p.kpj)).map((p) => p.employerNpp));
    expect(world.employers.filter((e) => !employing.has(e.npp) || !e.regionCode.startsWith('31.'))).toEqual([]);
    expect(world.participants.filter((p) => (p.segment === 'PU') !== (p.employerNpp !== null))).toEqual([]);
  });

  it('files each claim under a programme its claimant was enrolled in on that day', () => {
    const offenders = world.claims.filter((claim) => {
      const since = programsOf(claim.kpj)[claim.program];
      return since === undefined || since > claim.filedOn;
    });
    expect(offenders).toEqual([]);
  });
});
