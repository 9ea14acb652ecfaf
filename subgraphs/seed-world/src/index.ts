export type {
  ClaimStatus,
  Program,
  Segment,
  UnitKind,
  WorkerCategory,
  World,
  WorldClaim,
  WorldEmployer,
  WorldEnrollment,
  WorldParticipant,
  WorldUnit,
  WorldWorker,
} from './types';
export { generateWorld, buildWorld } from './world';
export { apportion } from './apportion';
export { sharedWorld } from './shared-world';
export { PRESETS, PRESET_PARAMS, type PresetName, type WorldParams } from './presets';
export { CITIES, DKI_PROVINCE_CODE, KECAMATAN, KELURAHAN, type City, type Kecamatan, type Kelurahan } from './regions';
export { NATIONAL_KPJ_SERIAL_BASE } from './kpj';
export { NATIONAL_NPP_SERIAL_BASE, NPP_PATTERN } from './npp';
export { COMPANY_FIRST_WORDS, COMPANY_FORMS, COMPANY_SECOND_WORDS, COMPANY_TRADES, companyName } from './company-names';
export {
  FEMALE_GIVEN_NAMES,
  FEMALE_SECOND_NAMES,
  FEMALE_SINGLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_SECOND_NAMES,
  MALE_SINGLE_NAMES,
  MARGA,
  NAME_SHAPE_WEIGHTS,
  type NameShape,
} from './names';
export { BPU_JHT_SHARE, JAKON_PROJECT_MONTHS, PMI_COVER_MONTHS, PMI_JHT_SHARE } from './enrollments';
export {
  CONTRIBUTION_RATES,
  JKP_MAX_AGE_AT_ENROLMENT,
  JKP_SINCE,
  JP_RETIREMENT_AGE,
  JP_START,
  INGUB_288_COVERAGE_START,
  PKP_COVERAGE_START,
  PKP_JHT_START,
  requiredPemprovPrograms,
  jkmBenefit,
  jpWageCap,
} from './policy';
export { JKK_AMOUNT } from './claims';
