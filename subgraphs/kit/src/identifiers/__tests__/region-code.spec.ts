import { describe, expect, it } from 'vitest';

import { isWithinRegion, validateRegionCode } from '../region-code';

describe('validateRegionCode', () => {
  it('recognises the four levels and names each parent', () => {
    expect(validateRegionCode('31')).toEqual({
      ok: true,
      code: '31',
      level: 'province',
      parentCode: null,
    });
    expect(validateRegionCode('31.74')).toEqual({
      ok: true,
      code: '31.74',
      level: 'regency',
      parentCode: '31',
    });
    expect(validateRegionCode('31.74.01')).toMatchObject({
      level: 'district',
      parentCode: '31.74',
    });
    expect(validateRegionCode('31.74.01.1001')).toMatchObject({
      level: 'village',
      parentCode: '31.74.01',
    });
  });

  it('rejects BPS-style undotted codes and wrong segment lengths', () => {
    for (const code of ['3174', '31.7', '31.74.1', '31.74.01.101', '31.74.01.1001.1', '', '31.']) {
      expect(validateRegionCode(code).ok).toBe(false);
    }
  });

  it('rejects a province Kemendagri never issued', () => {
    expect(validateRegionCode('99.01')).toEqual({
      ok: false,
      reason: 'Region province code 99 is not a Kemendagri province',
    });
  });

  it('rejects zero regency and district codes', () => {
    expect(validateRegionCode('31.00').ok).toBe(false);
    expect(validateRegionCode('31.74.00').ok).toBe(false);
  });

  it('accepts only kelurahan (1xxx) and desa (2xxx) village codes', () => {
    expect(validateRegionCode('33.01.01.2001').ok).toBe(true);
    expect(validateRegionCode('31.74.01.3001').ok).toBe(false);
    expect(validateRegionCode('31.74.01.1000').ok).toBe(false);
  });
});

describe('isWithinRegion', () => {
  it('places a kecamatan within its city, its province and itself', () => {
    expect(isWithinRegion('31.74.01', '31')).toBe(true);
    expect(isWithinRegion('31.74.01', '31.74')).toBe(true);
    expect(isWithinRegion('31.74.01', '31.74.01')).toBe(true);
    expect(isWithinRegion('31.74.01.1001', '31.74.01')).toBe(true);
  });

  it('compares whole segments, not characters', () => {
    expect(isWithinRegion('31.74.01', '31.7')).toBe(false);
    expect(isWithinRegion('31.74.10', '31.74.1')).toBe(false);
  });

  it('does not place a region within its own descendant or a sibling', () => {
    expect(isWithinRegion('31', '31.74')).toBe(false);
    expect(isWithinRegion('31.74.01', '31.71')).toBe(false);
  });

  it('is false when either code is malformed', () => {
    expect(isWithinRegion('3174', '31')).toBe(false);
    expect(isWithinRegion('31.74', '')).toBe(false);
  });
});
