import { describe, expect, it } from 'vitest';

import { maskNik, validateNik } from '@jembatan/kit/identifiers';
import { generateWorld } from '..';
import { ageOn } from '../dates';
import { givenNamesFor, singleNamesFor } from '../names';
import { KECAMATAN } from '../regions';

const world = generateWorld('demo');
const workersByNik = new Map(world.workers.map((w) => [w.nik, w]));
const unitsByCode = new Map(world.units.map((u) => [u.code, u]));
const dkiKecamatan = new Set(KECAMATAN.map((k) => k.code));
// Everyone in the world was born by 1998, so 2016 resolves the two-digit years correctly.
const parse = (nik: string) => validateNik(nik, { referenceYear: 2016 });

describe('people in the demo world', () => {
  it('carry valid NIKs issued in a real DKI kecamatan', () => {
    for (const { nik } of [...world.workers, ...world.participants]) {
      const parsed = parse(nik);
      expect(parsed.ok, nik).toBe(true);
      if (parsed.ok) expect(dkiKecamatan.has(parsed.districtCode), nik).toBe(true);
    }
  });

  it('never share a NIK, among workers or among participants', () => {
    expect(workersByNik.size).toBe(world.workers.length);
    expect(new Set(world.participants.map((p) => p.nik)).size).toBe(world.participants.length);
  });

  it('have a first name of the sex their NIK records', () => {
    for (const { nik, name } of [...world.workers, ...world.participants]) {
      const parsed = parse(nik);
      if (!parsed.ok) throw new Error(parsed.reason);
      const first = name.split(' ')[0] ?? '';
      const names = name.includes(' ') ? givenNamesFor(parsed.sex) : singleNamesFor(parsed.sex);
      expect(names, `${name} (${parsed.sex})`).toContain(first);
    }
  });

  it('include both women and men in every worker category', () => {
    for (const category of ['PKP', 'PPSU', 'KEBERSIHAN'] as const) {
      const sexes = world.workers.filter((w) => w.category === category).map((w) => parse(w.nik));
      expect(new Set(sexes.map((p) => p.ok && p.sex))).toEqual(new Set(['F', 'M']));
    }
  });

  it('are workers aged 18 to 56 in 2016, and at least 18 when their contract began', () => {
    for (const worker of world.workers) {
      const parsed = parse(worker.nik);
      if (!parsed.ok) throw new Error(parsed.reason);
      const ageIn2016 = 2016 - Number(parsed.birthDate.slice(0, 4));
      expect(ageIn2016).toBeGreaterThanOrEqual(18);
      expect(ageIn2016).toBeLessThanOrEqual(56);
      expect(ageOn(parsed.birthDate, worker.contractStart)).toBeGreaterThanOrEqual(18);
    }
  });

  it('are mostly registered in the area of the unit they work for', () => {
    const local = world.workers.filter((worker) => {
      const unit = unitsByCode.get(worker.unitCode);
      const parsed = parse(worker.nik);
      if (!unit || !parsed.ok || unit.regionCode === '31') return false;
      return parsed.districtCode.startsWith(unit.regionCode.slice(0, 8));
    });
    const regional = world.workers.filter((w) => unitsByCode.get(w.unitCode)?.regionCode !== '31');
    expect(local.length / regional.length).toBeGreaterThan(0.75);
    expect(local.length).toBeLessThan(regional.length);
  });

  it('mask to the first four and last two digits', () => {
    const nik = world.workers[0]?.nik ?? '';
    expect(maskNik(nik)).toBe(`${nik.slice(0, 4)}**********${nik.slice(-2)}`);
  });
});
