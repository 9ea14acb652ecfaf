import { identifierProblem, type IdentifierProblem } from './identifier-problem';
import { isProvinceCode } from './province-codes';

/**
 * Kemendagri region codes as written in Permendagri lists: `PP` province, `PP.KK` regency or city,
 * `PP.KK.CC` district (kecamatan), `PP.KK.CC.DDDD` village. These are the codes a NIK embeds;
 * BPS statistical codes differ for DKI and are deliberately not accepted here.
 */
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

export interface ValidRegionCode {
  ok: true;
  code: string;
  level: RegionLevel;
  /** The enclosing region's code, or null for a province. */
  parentCode: string | null;
}

export type RegionCodeValidation = ValidRegionCode | IdentifierProblem;

const REGION_CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const LEVELS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];

export function validateRegionCode(input: string): RegionCodeValidation {
  if (!REGION_CODE_PATTERN.test(input)) {
    return identifierProblem(
      'Region code must be a Kemendagri code: PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD (e.g. 31.74.01)',
    );
  }
  const [province = '', regency, district, village] = input.split('.');
  if (!isProvinceCode(province)) {
    return identifierProblem(`Region province code ${province} is not a Kemendagri province`);
  }
  if (regency === '00') return identifierProblem('Region regency code 00 is not valid');
  if (district === '00') return identifierProblem('Region district code 00 is not valid');
  // Permendagri numbering: 1xxx is a kelurahan, 2xxx a desa; nothing else is issued.
  if (village !== undefined && !/^[12]\d{3}$/.test(village)) {
    return identifierProblem(
      `Region village code ${village} is not valid: it must start with 1 (kelurahan) or 2 (desa)`,
    );
  }
  if (village === '1000' || village === '2000') {
    return identifierProblem(`Region village code ${village} is not valid`);
  }
  const depth = input.split('.').length;
  return {
    ok: true,
    code: input,
    level: LEVELS[depth - 1] ?? 'village',
    parentCode: depth === 1 ? null : input.slice(0, input.lastIndexOf('.')),
  };
}

/**
 * Whether `code` lies in `ancestor` (or is `ancestor` itself), comparing whole segments so that
 * `31.74.01` is within `31` and `31.74` but nothing is within the malformed `31.7`.
 */
export function isWithinRegion(code: string, ancestor: string): boolean {
  if (!validateRegionCode(code).ok || !validateRegionCode(ancestor).ok) return false;
  return code === ancestor || code.startsWith(`${ancestor}.`);
}
