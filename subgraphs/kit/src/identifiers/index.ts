export { identifierProblem, type IdentifierProblem } from './identifier-problem';
export { PROVINCE_CODES, isProvinceCode } from './province-codes';
export {
  encodeNik,
  maskNik,
  validateNik,
  type NikOptions,
  type NikParts,
  type NikValidation,
  type ParsedNik,
  type Sex,
} from './nik';
export { validateKpj, type KpjValidation, type ValidKpj } from './kpj';
export { UNIT_CODE_PATTERN, validateUnitCode, type UnitCodeValidation, type ValidUnitCode } from './unit-code';
export {
  isWithinRegion,
  validateRegionCode,
  type RegionCodeValidation,
  type RegionLevel,
  type ValidRegionCode,
} from './region-code';
