import { identifierProblem, type IdentifierProblem } from './identifier-problem';
import { isProvinceCode } from './province-codes';

/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DD MM YY SSSS`. PP.KK.CC is the Kemendagri
 * district of first registration (it never changes when the person moves), DD is the birth day
 * plus 40 for women, YY a two-digit year, SSSS a serial from 0001. There is no check digit, so a
 * "valid" NIK is only a well-formed one.
 */
export type Sex = 'F' | 'M';

export interface ParsedNik {
  ok: true;
  nik: string;
  provinceCode: string;
  /** Kemendagri regency/city code, e.g. `31.74`. */
  regencyCode: string;
  /** Kemendagri district (kecamatan) code, e.g. `31.74.01`. */
  districtCode: string;
  /** `YYYY-MM-DD`; the century is inferred, see {@link NikOptions.referenceYear}. */
  birthDate: string;
  sex: Sex;
  serial: string;
}

export type NikValidation = ParsedNik | IdentifierProblem;

export interface NikOptions {
  /**
   * The year used to resolve the two-digit birth year: YY above this year's last two digits is
   * 19YY, otherwise 20YY. Defaults to the current year; pass it for reproducible results.
   */
  referenceYear?: number;
}

const NIK_PATTERN = /^\d{16}$/;
const WOMAN_DAY_OFFSET = 40;

/**
 * What is wrong with the form of something that should be a NIK, in words that say how to fix it
 * and never repeat the number (an error message is no place for personal data).
 */
function nikShapeProblem(input: string): IdentifierProblem {
  if (input.trim() === '') return identifierProblem('NIK is empty: send the 16 digits of the NIK');
  if (NIK_PATTERN.test(input.trim())) {
    return identifierProblem('NIK has spaces before or after it: send the 16 digits alone');
  }
  const digits = input.replace(/[\s.-]/g, '');
  if (NIK_PATTERN.test(digits)) {
    return identifierProblem('NIK must be the 16 digits without spaces, dots or hyphens');
  }
  const other = [...input].findIndex((character) => !/\d/.test(character));
  if (other >= 0) {
    return identifierProblem(
      `NIK must be exactly 16 digits: character ${other + 1} is not a digit (a letter O for a zero?)`,
    );
  }
  return identifierProblem(`NIK must be exactly 16 digits, not ${input.length}`);
}

export function validateNik(input: string, options: NikOptions = {}): NikValidation {
  if (!NIK_PATTERN.test(input)) return nikShapeProblem(input);
  const province = input.slice(0, 2);
  const regency = input.slice(2, 4);
  const district = input.slice(4, 6);
  const rawDay = Number(input.slice(6, 8));
  const monthText = input.slice(8, 10);
  const yearText = input.slice(10, 12);
  const serial = input.slice(12, 16);

  if (!isProvinceCode(province)) {
    return identifierProblem(`NIK province code ${province} is not a Kemendagri province`);
  }
  if (regency === '00') return identifierProblem('NIK regency code 00 is not valid');
  if (district === '00') return identifierProblem('NIK district code 00 is not valid');

  const isWoman = rawDay > WOMAN_DAY_OFFSET;
  const day = isWoman ? rawDay - WOMAN_DAY_OFFSET : rawDay;
  if (day < 1 || day > 31) {
    return identifierProblem(`NIK birth day ${input.slice(6, 8)} is not valid: use 01–31, or 41–71 for women`);
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) {
    return identifierProblem(`NIK birth month ${monthText} is not valid`);
  }
  const year = resolveCentury(Number(yearText), options.referenceYear ?? currentYear());
  const dayText = String(day).padStart(2, '0');
  if (!isRealDate(year, month, day)) {
    return identifierProblem(`NIK birth date ${dayText}-${monthText}-${yearText} is not a real date`);
  }
  if (serial === '0000') return identifierProblem('NIK serial 0000 is not valid');

  return {
    ok: true,
    nik: input,
    provinceCode: province,
    regencyCode: `${province}.${regency}`,
    districtCode: `${province}.${regency}.${district}`,
    birthDate: `${year}-${monthText}-${dayText}`,
    sex: isWoman ? 'F' : 'M',
    serial,
  };
}

/**
 * Hides the birth date and serial while keeping enough to recognise the region (first 4) and to
 * tell two people apart in a list (last 2): `3174**********01`. Anything too short to keep both
 * ends without revealing most of it is masked entirely.
 */
export function maskNik(nik: string): string {
  if (nik.length < 10) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}${'*'.repeat(nik.length - 6)}${nik.slice(-2)}`;
}

export interface NikParts {
  /** Kemendagri district code `PP.KK.CC`. */
  districtCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
  /** 1–9999. */
  serial: number;
}

/** Builds a well-formed NIK; throws a RangeError on parts no real NIK could carry. */
export function encodeNik(parts: NikParts): string {
  const district = /^(\d{2})\.(\d{2})\.(\d{2})$/.exec(parts.districtCode);
  if (!district || !isProvinceCode(district[1] ?? '')) {
    throw new RangeError(`NIK district code ${parts.districtCode} is not a Kemendagri district`);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parts.birthDate);
  const [year, month, day] = date ? [Number(date[1]), Number(date[2]), Number(date[3])] : [0, 0, 0];
  if (!date || !isRealDate(year, month, day)) {
    throw new RangeError(`NIK birth date ${parts.birthDate} is not a real date`);
  }
  if (!Number.isInteger(parts.serial) || parts.serial < 1 || parts.serial > 9999) {
    throw new RangeError(`NIK serial ${parts.serial} must be an integer from 1 to 9999`);
  }
  const encodedDay = parts.sex === 'F' ? day + WOMAN_DAY_OFFSET : day;
  return [
    parts.districtCode.replaceAll('.', ''),
    String(encodedDay).padStart(2, '0'),
    String(month).padStart(2, '0'),
    String(year % 100).padStart(2, '0'),
    String(parts.serial).padStart(4, '0'),
  ].join('');
}

function resolveCentury(twoDigitYear: number, referenceYear: number): number {
  return twoDigitYear > referenceYear % 100 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // setUTCFullYear, unlike Date.UTC, does not remap years 0–99 to the 1900s.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function currentYear(): number {
  return new Date().getUTCFullYear();
}
