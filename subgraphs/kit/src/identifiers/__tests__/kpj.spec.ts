import { describe, expect, it } from 'vitest';

import { validateKpj } from '../kpj';

describe('validateKpj', () => {
  it('accepts exactly 11 digits, leading zeros included', () => {
    expect(validateKpj('16031234567')).toEqual({
      ok: true,
      kpj: '16031234567',
    });
    expect(validateKpj('00000000001')).toEqual({
      ok: true,
      kpj: '00000000001',
    });
  });

  it('rejects other lengths, letters and surrounding spaces', () => {
    for (const input of ['', '1603123456', '160312345678', '1603123456A', ' 16031234567']) {
      expect(validateKpj(input)).toEqual({
        ok: false,
        reason: 'KPJ must be exactly 11 digits',
      });
    }
  });

  it('points out that 13 digits looks like a BPJS Kesehatan number', () => {
    const result = validateKpj('0001234567890');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('BPJS Kesehatan');
  });
});
