import { describe, expect, it } from 'vitest';

import { validateKpj } from '@jembatan/kit/identifiers';
import { generateWorld, type Program, type WorldEnrollment } from '..';

const world = generateWorld('demo');
const workersByNik = new Map(world.workers.map((w) => [w.nik, w]));
const enrollmentsByKpj = new Map<string, WorldEnrollment[]>();
for (const e of world.enrollments) {
  enrollmentsByKpj.set(e.kpj, [...(enrollmentsByKpj.get(e.kpj) ?? []), e]);
}
const programsOf = (kpj: string): Program[] => (enrollmentsByKpj.get(kpj) ?? []).map((e) => e.program).sort();
const pemprov = world.participants.filter((p) => p.registrarUnitCode !== null);
const others = world.participants.filter((p) => p.registrarUnitCode === null);

describe('demo participants', () => {
  it('have unique 11-digit KPJ numbers', () => {
    for (const { kpj } of world.participants) expect(validateKpj(kpj).ok).toBe(true);
    expect(new Set(world.participants.map((p) => p.kpj)).size).toBe(world.participants.length);
  });

  it('include every registered Pemprov worker as BPU, registered by the worker’s unit', () => {
    expect(pemprov).toHaveLength(world.workers.length - 22);
    for (const participant of pemprov) {
      const worker = workersByNik.get(participant.nik);
      expect(worker, participant.kpj).toBeDefined();
      expect(participant).toMatchObject({
        name: worker?.name,
        segment: 'BPU',
        registrarUnitCode: worker?.unitCode,
      });
    }
  });

  it('include about 300 other DKI residents, mostly wage earners', () => {
    expect(others.length).toBeGreaterThanOrEqual(250);
    expect(others.length).toBeLessThanOrEqual(400);
    for (const participant of others) expect(workersByNik.has(participant.nik)).toBe(false);
    const segments = others.map((p) => p.segment);
    expect(segments.filter((s) => s === 'PU').length / others.length).toBeGreaterThan(0.8);
    expect(new Set(segments)).toEqual(new Set(['PU', 'BPU', 'JAKON', 'PMI']));
  });

  it('enrol PKP in JKK and JKM from 1 March 2016 and in JHT from 2017', () => {
    for (const participant of pemprov.filter((p) => workersByNik.get(p.nik)?.category === 'PKP')) {
      expect(participant.registeredOn).toBe('2016-03-01');
      expect(enrollmentsByKpj.get(participant.kpj)).toEqual([
        { kpj: participant.kpj, program: 'JHT', since: '2017-01-01', until: null },
        { kpj: participant.kpj, program: 'JKK', since: '2016-03-01', until: null },
        { kpj: participant.kpj, program: 'JKM', since: '2016-03-01', until: null },
      ]);
    }
  });

  it('enrol PPSU and KEBERSIHAN in JKK and JKM under Ingub 288/2015, from July 2015 or hiring', () => {
    for (const participant of pemprov) {
      const worker = workersByNik.get(participant.nik);
      if (!worker || worker.category === 'PKP') continue;
      const since = worker.contractStart > '2015-07-01' ? worker.contractStart : '2015-07-01';
      expect(participant.registeredOn).toBe(since);
      expect(enrollmentsByKpj.get(participant.kpj)).toEqual([
        { kpj: participant.kpj, program: 'JKK', since, until: null },
        { kpj: participant.kpj, program: 'JKM', since, until: null },
      ]);
    }
  });

  it('never give JP or JKP to a BPU participant', () => {
    for (const participant of world.participants.filter((p) => p.segment === 'BPU')) {
      expect(programsOf(participant.kpj)).not.toContain('JP');
      expect(programsOf(participant.kpj)).not.toContain('JKP');
    }
  });

  it('give wage earners JKK, JKM, JHT and JP, and some of them JKP from February 2022', () => {
    const wageEarners = others.filter((p) => p.segment === 'PU');
    for (const participant of wageEarners) {
      expect(programsOf(participant.kpj)).toEqual(
        expect.arrayContaining(['JHT', 'JKK', 'JKM', 'JP'] satisfies Program[]),
      );
    }
    const jkp = world.enrollments.filter((e) => e.program === 'JKP');
    expect(jkp.length).toBeGreaterThan(5);
    for (const e of jkp) expect(e.since).toBe('2022-02-01');
  });

  it('start JP no earlier than July 2015 and nothing before registration', () => {
    const registeredOn = new Map(world.participants.map((p) => [p.kpj, p.registeredOn]));
    for (const e of world.enrollments) {
      expect(e.since >= (registeredOn.get(e.kpj) ?? '9999')).toBe(true);
      if (e.program === 'JP') expect(e.since >= '2015-07-01').toBe(true);
      if (e.until !== null) expect(e.until >= e.since).toBe(true);
    }
  });

  it('have each programme at most once per participant, and only for known participants', () => {
    const keys = world.enrollments.map((e) => `${e.kpj}/${e.program}`);
    expect(new Set(keys).size).toBe(keys.length);
    const kpjs = new Set(world.participants.map((p) => p.kpj));
    for (const e of world.enrollments) expect(kpjs.has(e.kpj)).toBe(true);
  });
});
