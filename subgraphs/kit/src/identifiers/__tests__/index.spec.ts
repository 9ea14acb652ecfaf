import { describe, expect, it } from 'vitest';

import * as identifiers from '..';

describe('identifiers index', () => {
  it('re-exports every validator and helper', () => {
    expect(Object.keys(identifiers).sort()).toEqual([
      'PROVINCE_CODES',
      'UNIT_CODE_PATTERN',
      'encodeNik',
      'identifierProblem',
      'isProvinceCode',
      'isWithinRegion',
      'maskNik',
      'validateKpj',
      'validateNik',
      'validateRegionCode',
      'validateUnitCode',
    ]);
  });

  it('lists the 38 Kemendagri provinces, DKI Jakarta among them', () => {
    expect(identifiers.PROVINCE_CODES).toHaveLength(38);
    expect(new Set(identifiers.PROVINCE_CODES).size).toBe(38);
    expect(identifiers.isProvinceCode('31')).toBe(true);
    expect(identifiers.isProvinceCode('20')).toBe(false);
  });
});
