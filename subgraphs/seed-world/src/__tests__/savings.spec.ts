import { describe, expect, it } from 'vitest';

import { encodeNik, validateNik } from '@jembatan/kit/identifiers';
import { jkmBenefit, jpWageCap } from '../policy';
import { savingsBalance } from '../savings';
import { umpDki } from '../wages';

describe('savingsBalance', () => {
  it('is nothing before a full month has passed', () => {
    expect(savingsBalance(0.057, 3_100_000, '2016-03-01', '2016-03-31')).toBe(0);
  });

  it('adds one contribution per month, with returns on what was saved', () => {
    expect(savingsBalance(0.057, 3_100_000, '2016-01-01', '2016-02-01')).toBe(176_700);
    const twoMonths = savingsBalance(0.057, 3_100_000, '2016-01-01', '2016-03-01');
    expect(twoMonths).toBe(Math.round(176_700 * (1 + 0.07 / 12) + 176_700));
  });

  it('values earlier months at the UMP of their year', () => {
    expect(savingsBalance(0.057, 3_100_000, '2015-01-01', '2015-02-01')).toBe(Math.round(0.057 * 2_700_000));
  });

  it('applies a wage cap when given one', () => {
    expect(savingsBalance(0.03, 10_000_000, '2016-03-01', '2016-04-01', jpWageCap)).toBe(Math.round(0.03 * 7_335_300));
  });
});

describe('policy and wages', () => {
  it('pay the JKM package of its time: 21, 24 or 42 juta', () => {
    expect(jkmBenefit('2015-06-30')).toBe(21_000_000);
    expect(jkmBenefit('2016-05-01')).toBe(24_000_000);
    expect(jkmBenefit('2020-01-01')).toBe(42_000_000);
  });

  it('know the UMP from 2012 and extrapolate before', () => {
    expect(umpDki(2016)).toBe(3_100_000);
    expect(umpDki(2023)).toBe(4_901_798);
    expect(umpDki(2005)).toBeGreaterThan(650_000);
    expect(umpDki(2005)).toBeLessThan(800_000);
  });
});

describe('the generator’s own NIK encoder', () => {
  it('agrees with the kit’s validator', () => {
    const nik = encodeNik({ districtCode: '31.74.01', birthDate: '1990-03-12', sex: 'F', serial: 17 });
    expect(nik).toBe('3174015203900017');
    expect(validateNik(nik, { referenceYear: 2016 })).toMatchObject({
      ok: true,
      districtCode: '31.74.01',
      birthDate: '1990-03-12',
      sex: 'F',
    });
  });
});
