import { describe, expect, it } from 'vitest';

import { isWithinRegion, validateRegionCode, validateUnitCode } from '@jembatan/kit/identifiers';
import { PRESET_PARAMS, PRESETS } from '..';
import { CITIES, KELURAHAN } from '../regions';
import { planUnits } from '../units';

function levelOf(regionCode: string): string {
  const region = validateRegionCode(regionCode);
  return region.ok ? region.level : 'invalid';
}

describe.each(PRESETS)('%s units', (preset) => {
  const planned = planUnits(PRESET_PARAMS[preset].units);
  const units = planned.map((p) => p.unit);
  const byCode = new Map(units.map((u) => [u.code, u]));

  it('have unique codes that follow the unit-code rule', () => {
    expect(byCode.size).toBe(units.length);
    for (const unit of units) expect(validateUnitCode(unit.code)).toEqual({ ok: true, code: unit.code });
  });

  it('have valid Kemendagri region codes inside DKI', () => {
    for (const unit of units) {
      expect(validateRegionCode(unit.regionCode).ok).toBe(true);
      expect(isWithinRegion(unit.regionCode, '31')).toBe(true);
    }
  });

  it('name only parents that exist, and lie within their parent’s region', () => {
    for (const unit of units) {
      if (unit.parentCode === null) continue;
      const parent = byCode.get(unit.parentCode);
      expect(parent, `${unit.code}'s parent`).toBeDefined();
      expect(isWithinRegion(unit.regionCode, parent?.regionCode ?? '')).toBe(true);
    }
  });

  it('put every UKPD under an SKPD, and an SKPD only under its Kota or Kabupaten', () => {
    for (const unit of units) {
      const parent = unit.parentCode === null ? undefined : byCode.get(unit.parentCode);
      if (unit.kind === 'UKPD') expect(parent?.kind).toBe('SKPD');
      if (unit.kind === 'SKPD' && parent) expect(parent.code).toMatch(/^(KOTA|KAB)-/);
    }
  });

  it('place each kind of unit at its region depth', () => {
    const levelsOf = (codePrefix: RegExp) =>
      new Set(units.filter((u) => codePrefix.test(u.code)).map((u) => levelOf(u.regionCode)));
    expect(levelsOf(/^SUDIN-/)).toEqual(new Set(['regency']));
    expect(levelsOf(/^(KOTA|KAB)-/)).toEqual(new Set(['regency']));
    expect(levelsOf(/^KEC-/)).toEqual(new Set(['district']));
    expect(levelsOf(/^KEL-/)).toEqual(new Set(['village']));
    const provinceWide = units.filter((u) => u.regionCode === '31');
    expect(provinceWide.length).toBeGreaterThan(5);
    expect(provinceWide.every((u) => u.kind === 'SKPD' && u.parentCode === null)).toBe(true);
  });

  it('derive kecamatan and kelurahan codes from their region codes', () => {
    for (const unit of units.filter((u) => /^(KEC|KEL|KOTA|KAB)-/.test(u.code))) {
      expect(unit.code.split('-')[1]).toBe(unit.regionCode.replaceAll('.', ''));
    }
  });

  it('include the five Kota Administrasi and the Kabupaten Kepulauan Seribu as SKPD', () => {
    for (const city of CITIES) {
      const unit = units.find((u) => u.regionCode === city.code && u.parentCode === null);
      expect(unit).toMatchObject({ kind: 'SKPD', name: city.officialName });
    }
  });

  it('use real 2016 names such as the Suku Dinas of Dinas Kebersihan and Kelurahan Tebet Timur', () => {
    expect(byCode.get('DINKEBERSIHAN')?.name).toBe('Dinas Kebersihan');
    expect(byCode.get('SUDIN-KEBERSIHAN-JS')).toEqual({
      code: 'SUDIN-KEBERSIHAN-JS',
      name: 'Suku Dinas Kebersihan Jakarta Selatan',
      kind: 'UKPD',
      regionCode: '31.74',
      parentCode: 'DINKEBERSIHAN',
    });
    expect(byCode.get('KEC-317401')).toMatchObject({
      name: 'Kecamatan Tebet',
      regionCode: '31.74.01',
    });
    expect(byCode.get('KEL-3174011001')).toMatchObject({
      name: 'Kelurahan Tebet Timur',
      regionCode: '31.74.01.1001',
      parentCode: 'KEC-317401',
    });
  });
});

describe('dki2016 units', () => {
  const planned = planUnits(PRESET_PARAMS.dki2016.units);

  it('are the article’s 300 SKPD/UKPD, every one employing PKP', () => {
    expect(planned).toHaveLength(300);
    expect(planned.every((p) => p.pkpWeight > 0)).toBe(true);
  });

  it('give every one of DKI’s 267 kelurahan exactly one PPSU crew', () => {
    const crews = planned.flatMap((p) => p.ppsuCrews);
    expect(new Set(crews).size).toBe(crews.length);
    expect(new Set(crews)).toEqual(new Set(KELURAHAN.map((k) => k.code)));
  });

  it('book a crew under its own kelurahan, or its kecamatan when the kelurahan is not a unit', () => {
    for (const { unit, ppsuCrews } of planned) {
      for (const crew of ppsuCrews) expect(crew.startsWith(unit.regionCode)).toBe(true);
    }
  });
});
