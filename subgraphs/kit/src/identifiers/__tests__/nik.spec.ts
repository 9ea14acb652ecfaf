import { describe, expect, it } from 'vitest';

import { encodeNik, maskNik, validateNik } from '../nik';

const at2016 = { referenceYear: 2016 };

describe('validateNik', () => {
  it('parses a man born in Tebet into region, birth date, sex and serial', () => {
    expect(validateNik('3174011205850003', at2016)).toEqual({
      ok: true,
      nik: '3174011205850003',
      provinceCode: '31',
      regencyCode: '31.74',
      districtCode: '31.74.01',
      birthDate: '1985-05-12',
      sex: 'M',
      serial: '0003',
    });
  });

  it('reads a birth day above 40 as a woman born on the day minus 40', () => {
    const parsed = validateNik('3171045203900101', at2016);
    expect(parsed).toMatchObject({
      ok: true,
      sex: 'F',
      birthDate: '1990-03-12',
    });
  });

  it('puts a two-digit year above the reference year in the 1900s and the rest in the 2000s', () => {
    expect(validateNik('3175010101160001', at2016)).toMatchObject({
      birthDate: '2016-01-01',
    });
    expect(validateNik('3175010101170001', at2016)).toMatchObject({
      birthDate: '1917-01-01',
    });
    expect(validateNik('3175010101000001', at2016)).toMatchObject({
      birthDate: '2000-01-01',
    });
  });

  it('uses the current year when no reference year is given', () => {
    const twoDigits = String(new Date().getUTCFullYear() % 100).padStart(2, '0');
    expect(validateNik(`3175010101${twoDigits}0001`)).toMatchObject({
      birthDate: `20${twoDigits}-01-01`,
    });
  });

  it.each([
    ['', 'NIK is empty: send the 16 digits of the NIK'],
    ['317401120585000', 'NIK must be exactly 16 digits, not 15'],
    ['31740112058500031', 'NIK must be exactly 16 digits, not 17'],
    ['3174O11205850003', 'NIK must be exactly 16 digits: character 5 is not a digit (a letter O for a zero?)'],
    [' 3174011205850003', 'NIK has spaces before or after it: send the 16 digits alone'],
    ['3174011205850003 ', 'NIK has spaces before or after it: send the 16 digits alone'],
    ['3174.0112.0585.0003', 'NIK must be the 16 digits without spaces, dots or hyphens'],
    ['3174 0112 0585 0003', 'NIK must be the 16 digits without spaces, dots or hyphens'],
  ])('says how to fix %j, without repeating it', (input, reason) => {
    expect(validateNik(input)).toEqual({ ok: false, reason });
  });

  it('rejects a province code that Kemendagri never issued', () => {
    expect(validateNik('9974011205850003', at2016)).toEqual({
      ok: false,
      reason: 'NIK province code 99 is not a Kemendagri province',
    });
  });

  it('accepts the Papua provinces created in 2022', () => {
    expect(validateNik('9601011205850003', at2016).ok).toBe(true);
  });

  it('rejects a zero regency or district code', () => {
    expect(validateNik('3100011205850003', at2016)).toMatchObject({
      reason: 'NIK regency code 00 is not valid',
    });
    expect(validateNik('3174001205850003', at2016)).toMatchObject({
      reason: 'NIK district code 00 is not valid',
    });
  });

  it('rejects birth days that are neither 01–31 nor 41–71', () => {
    for (const day of ['00', '32', '40', '72', '99']) {
      const result = validateNik(`317401${day}05850003`, at2016);
      expect(result).toMatchObject({ ok: false });
      expect(!result.ok && result.reason).toContain(`NIK birth day ${day} is not valid`);
    }
  });

  it('rejects a month outside 01–12', () => {
    expect(validateNik('3174011213850003', at2016)).toMatchObject({
      reason: 'NIK birth month 13 is not valid',
    });
    expect(validateNik('3174011200850003', at2016)).toMatchObject({
      reason: 'NIK birth month 00 is not valid',
    });
  });

  it('rejects a birth date that does not exist on the calendar', () => {
    expect(validateNik('3174013102900003', at2016)).toEqual({
      ok: false,
      reason: 'NIK birth date 31-02-90 is not a real date',
    });
    expect(validateNik('3174017102900003', at2016)).toEqual({
      ok: false,
      reason: 'NIK birth date 31-02-90 is not a real date',
    });
  });

  it('accepts 29 February only in leap years', () => {
    expect(validateNik('3174012902880003', at2016).ok).toBe(true);
    expect(validateNik('3174012902000003', at2016).ok).toBe(true);
    expect(validateNik('3174012902890003', at2016).ok).toBe(false);
  });

  it('rejects serial 0000', () => {
    expect(validateNik('3174011205850000', at2016)).toEqual({
      ok: false,
      reason: 'NIK serial 0000 is not valid',
    });
  });
});

describe('maskNik', () => {
  it('keeps the first four and last two digits', () => {
    expect(maskNik('3174011205850001')).toBe('3174**********01');
  });

  it('masks short input entirely rather than revealing most of it', () => {
    expect(maskNik('123456')).toBe('******');
    expect(maskNik('')).toBe('');
  });
});

describe('encodeNik', () => {
  it('builds a NIK that validateNik parses back into the same parts', () => {
    const nik = encodeNik({
      districtCode: '31.74.01',
      birthDate: '1990-03-12',
      sex: 'F',
      serial: 17,
    });
    expect(nik).toBe('3174015203900017');
    expect(validateNik(nik, at2016)).toMatchObject({
      districtCode: '31.74.01',
      birthDate: '1990-03-12',
      sex: 'F',
      serial: '0017',
    });
  });

  it('writes a man’s birth day unchanged', () => {
    expect(
      encodeNik({
        districtCode: '31.01.02',
        birthDate: '1961-12-05',
        sex: 'M',
        serial: 9999,
      }),
    ).toBe('3101020512619999');
  });

  it('refuses parts that no real NIK could carry', () => {
    const good = {
      districtCode: '31.74.01',
      birthDate: '1990-03-12',
      sex: 'M' as const,
      serial: 1,
    };
    expect(() => encodeNik({ ...good, districtCode: '31.74' })).toThrow(RangeError);
    expect(() => encodeNik({ ...good, districtCode: '99.01.01' })).toThrow(RangeError);
    expect(() => encodeNik({ ...good, birthDate: '1990-02-30' })).toThrow('not a real date');
    expect(() => encodeNik({ ...good, serial: 0 })).toThrow('1 to 9999');
    expect(() => encodeNik({ ...good, serial: 10_000 })).toThrow(RangeError);
    expect(() => encodeNik({ ...good, serial: 1.5 })).toThrow(RangeError);
  });
});
