export type {
  ClaimStatus,
  Program,
  Segment,
  UnitKind,
  WorkerCategory,
  World,
  WorldClaim,
  WorldEnrollment,
  WorldParticipant,
  WorldUnit,
  WorldWorker,
} from './types';
export { generateWorld, buildWorld } from './world';
export { sharedWorld } from './shared-world';
export { PRESETS, PRESET_PARAMS, type PresetName, type WorldParams } from './presets';
export { CITIES, DKI_PROVINCE_CODE, KECAMATAN, KELURAHAN, type City, type Kecamatan, type Kelurahan } from './regions';
