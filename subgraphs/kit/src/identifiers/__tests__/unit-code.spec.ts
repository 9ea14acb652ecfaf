import { describe, expect, it } from 'vitest';

import { UNIT_CODE_PATTERN, validateUnitCode } from '../unit-code';

describe('validateUnitCode', () => {
  it('accepts agency, suku dinas, kecamatan and kelurahan codes', () => {
    for (const code of ['DINKES', 'SUDIN-KES-JS', 'KEC-317401', 'KEL-3174011001', 'A1-B-C-D-E']) {
      expect(validateUnitCode(code)).toEqual({ ok: true, code });
    }
  });

  it('accepts a head of 16 characters and a part of 15, but no longer', () => {
    expect(validateUnitCode(`A${'B'.repeat(15)}`).ok).toBe(true);
    expect(validateUnitCode(`A${'B'.repeat(16)}`).ok).toBe(false);
    expect(validateUnitCode(`AB-${'C'.repeat(15)}`).ok).toBe(true);
    expect(validateUnitCode(`AB-${'C'.repeat(16)}`).ok).toBe(false);
  });

  it('rejects a one-letter head, a leading digit, empty parts and stray characters', () => {
    for (const code of ['D', '1DINKES', 'SUDIN--JS', 'SUDIN-', '-SUDIN', 'DIN KES', 'DINKES_1']) {
      expect(validateUnitCode(code).ok).toBe(false);
    }
  });

  it('asks for upper case without guessing a code that may not exist', () => {
    expect(validateUnitCode('sudin-kes-js')).toEqual({
      ok: false,
      reason: 'Unit code must be upper case, e.g. SUDIN-KES-JS or KEC-317401',
    });
  });

  it('explains the limit of five parts', () => {
    expect(validateUnitCode('A1-B-C-D-E-F')).toEqual({
      ok: false,
      reason: 'Unit code must have at most 5 hyphen-separated parts',
    });
  });

  it('says that a code is required when given an empty string', () => {
    expect(validateUnitCode('')).toEqual({
      ok: false,
      reason: 'Unit code must not be empty',
    });
  });

  it('exports the same rule as a regular expression', () => {
    expect(UNIT_CODE_PATTERN.test('SUDIN-KES-JS')).toBe(true);
    expect(UNIT_CODE_PATTERN.test('sudin')).toBe(false);
  });
});
