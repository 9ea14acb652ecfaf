import { describe, expect, it } from 'vitest';

import { generateWorld } from '..';

const world = generateWorld('demo');
const unitsByCode = new Map(world.units.map((u) => [u.code, u]));
const participantNiks = new Set(world.participants.map((p) => p.nik));

describe('demo workers', () => {
  it('number 3,000, mostly PKP', () => {
    const counts = { PKP: 0, PPSU: 0, KEBERSIHAN: 0 };
    for (const worker of world.workers) counts[worker.category] += 1;
    expect(counts).toEqual({ PKP: 2_200, PPSU: 500, KEBERSIHAN: 300 });
  });

  it('all work at a unit that exists', () => {
    for (const worker of world.workers) expect(unitsByCode.has(worker.unitCode)).toBe(true);
  });

  it('put PPSU crews only at kelurahan, 40 to 70 each', () => {
    const perKelurahan = new Map<string, number>();
    for (const worker of world.workers.filter((w) => w.category === 'PPSU')) {
      expect(worker.unitCode).toMatch(/^KEL-/);
      perKelurahan.set(worker.unitCode, (perKelurahan.get(worker.unitCode) ?? 0) + 1);
    }
    expect(perKelurahan.size).toBe(world.units.filter((u) => u.code.startsWith('KEL-')).length);
    for (const count of perKelurahan.values()) {
      expect(count).toBeGreaterThanOrEqual(40);
      expect(count).toBeLessThanOrEqual(70);
    }
  });

  it('put KEBERSIHAN crews only at Dinas Kebersihan and its Suku Dinas', () => {
    const hosts = new Set(world.workers.filter((w) => w.category === 'KEBERSIHAN').map((w) => w.unitCode));
    for (const code of hosts) {
      expect(code === 'DINKEBERSIHAN' || unitsByCode.get(code)?.parentCode === 'DINKEBERSIHAN').toBe(true);
    }
    expect(hosts.size).toBeGreaterThan(1);
  });

  it('spread PKP over every unit', () => {
    const hosts = new Set(world.workers.filter((w) => w.category === 'PKP').map((w) => w.unitCode));
    expect(hosts.size).toBe(world.units.length);
  });

  it('pay PPSU and KEBERSIHAN exactly the 2016 UMP and PKP at least that, in whole Rupiah', () => {
    for (const worker of world.workers) {
      expect(worker.monthlyWage).toMatch(/^[1-9]\d*$/);
      if (worker.category === 'PKP') expect(Number(worker.monthlyWage)).toBeGreaterThanOrEqual(3_100_000);
      else expect(worker.monthlyWage).toBe('3100000');
    }
    const pkpWages = new Set(world.workers.filter((w) => w.category === 'PKP').map((w) => w.monthlyWage));
    expect(pkpWages.size).toBeGreaterThan(10);
  });

  it('started their contracts in 2015 or 2016 and end them, if at all, after the start', () => {
    for (const worker of world.workers) {
      expect(worker.contractStart >= '2015-01-01' && worker.contractStart <= '2016-12-31').toBe(true);
      if (worker.contractEnd !== null) expect(worker.contractEnd > worker.contractStart).toBe(true);
    }
    const ends = new Set(world.workers.map((w) => w.contractEnd));
    expect(ends).toEqual(new Set([null, '2016-12-31']));
  });

  it('are all BPJS participants except about 1% of PKP hired after March 2016', () => {
    const unregistered = world.workers.filter((w) => !participantNiks.has(w.nik));
    expect(unregistered.length).toBe(22);
    for (const worker of unregistered) {
      expect(worker.category).toBe('PKP');
      expect(worker.contractStart > '2016-03-31').toBe(true);
    }
  });
});
