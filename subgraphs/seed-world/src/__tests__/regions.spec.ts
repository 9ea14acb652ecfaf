import { describe, expect, it } from 'vitest';

import { validateRegionCode } from '@jembatan/kit/identifiers';
import { CITIES, KECAMATAN, KELURAHAN } from '../regions';

describe('DKI regions', () => {
  it('hold 6 regencies, 44 kecamatan and 267 kelurahan, as Kemendagri lists them', () => {
    expect(CITIES).toHaveLength(6);
    expect(KECAMATAN).toHaveLength(44);
    expect(KELURAHAN).toHaveLength(267);
  });

  it('split kecamatan and kelurahan over the cities as domain.md §4.1 counts them', () => {
    const perCity = CITIES.map((city) => [
      city.shortName,
      KECAMATAN.filter((k) => k.cityCode === city.code).length,
      KELURAHAN.filter((k) => k.code.startsWith(`${city.code}.`)).length,
    ]);
    expect(perCity).toEqual([
      ['Kepulauan Seribu', 2, 6],
      ['Jakarta Pusat', 8, 44],
      ['Jakarta Utara', 6, 31],
      ['Jakarta Barat', 8, 56],
      ['Jakarta Selatan', 10, 65],
      ['Jakarta Timur', 10, 65],
    ]);
  });

  it('use valid, unique Kemendagri codes nested in their parents', () => {
    const codes = [...CITIES, ...KECAMATAN, ...KELURAHAN].map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(validateRegionCode(code).ok, code).toBe(true);
    for (const k of KELURAHAN) expect(k.code.startsWith(`${k.kecamatanCode}.`)).toBe(true);
  });

  it('number Tebet’s kelurahan from Tebet Timur at 31.74.01.1001', () => {
    expect(KELURAHAN.filter((k) => k.kecamatanCode === '31.74.01').map((k) => k.name)).toEqual([
      'Tebet Timur',
      'Tebet Barat',
      'Menteng Dalam',
      'Kebon Baru',
      'Bukit Duri',
      'Manggarai Selatan',
      'Manggarai',
    ]);
    expect(KELURAHAN.find((k) => k.name === 'Tebet Timur')?.code).toBe('31.74.01.1001');
  });
});
