import { KECAMATAN, kecamatanOfCity, kelurahanOfKecamatan } from './regions';
import type { Random } from './random';

/**
 * Picks the kecamatan a person's NIK was first issued in. People mostly work near where they were
 * registered, but a NIK keeps its first place for life, so some come from elsewhere in DKI.
 */
const AWAY_SHARE = 0.15;

/** Kelurahan count stands in for population when nothing narrows the choice. */
const DKI_KECAMATAN_BY_SIZE: readonly (readonly [string, number])[] = KECAMATAN.map((k) => [
  k.code,
  kelurahanOfKecamatan(k.code).length,
]);

/** A DKI kecamatan code for someone who works in `regionCode` (any depth). */
export function homeDistrictFor(random: Random, regionCode: string): string {
  const depth = regionCode.split('.').length;
  if (depth === 1 || random.chance(AWAY_SHARE)) return random.weighted(DKI_KECAMATAN_BY_SIZE);
  if (depth === 2) return random.pick(kecamatanOfCity(regionCode)).code;
  return regionCode.slice(0, 8);
}
